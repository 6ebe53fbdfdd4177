/** A small API client for tests: session cookie + CSRF header, or a bearer token. */

/** One answer: status and parsed JSON (or text). */
// biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely and assert on values
export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Who the client acts as. */
export type Auth = { session: string; csrf: string } | { bearer: string } | undefined;

/** Sends a request to the server. `body` strings are sent as they are. */
// biome-ignore lint/suspicious/noExplicitAny: as for Answer
export async function call<T = any>(
  base: string,
  method: string,
  path: string,
  auth?: Auth,
  body?: unknown,
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (auth && "bearer" in auth) headers.authorization = `Bearer ${auth.bearer}`;
  if (auth && "session" in auth)
    Object.assign(headers, { cookie: `lading_session=${auth.session}`, "x-csrf-token": auth.csrf });
  if (body !== undefined) headers["content-type"] = "application/json";
  const init = {
    method,
    headers,
    body: typeof body === "string" ? body : body === undefined ? undefined : JSON.stringify(body),
  };
  const response = await fetchRetryingReads(`${base}${path}`, init);
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: response.status, body: parsed as T, headers: response.headers };
}

/**
 * A pooled keep-alive connection can be reset just as it is reused (seen under heavy load in
 * CI); HTTP clients retry an idempotent request once on a fresh connection, and so does this
 * one. Writes are never retried, and a server that is really gone fails the retry too.
 */
async function fetchRetryingReads(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    const code = ((err as Error).cause as { code?: string } | undefined)?.code;
    const idempotent = init.method === "GET" || init.method === "HEAD";
    if (!idempotent || (code !== "ECONNRESET" && code !== "UND_ERR_SOCKET")) throw err;
    return fetch(url, init);
  }
}

/** Signs in and returns the session cookie and CSRF token. */
export async function login(
  base: string,
  username: string,
  password: string,
): Promise<{ session: string; csrf: string }> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("lading_session="));
  const session = cookie?.split(";")[0].split("=")[1] ?? "";
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { session, csrf: csrfToken };
}

/** Polls until `check` returns a value or the time runs out. */
export async function eventually<T>(check: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}
