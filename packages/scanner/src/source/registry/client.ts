import type { IncomingMessage } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { Authenticator } from "./auth.js";
import { RegistryError } from "./registry-error.js";
import {
  isPlainHttpAnswer,
  isRetriableNetworkError,
  readBody,
  type Transport,
} from "./transport.js";

/** How a client reaches one repository of one registry. */
export interface ClientContext {
  transport: Transport;
  auth: Authenticator;
  /** Host and port the registry API answers on. */
  host: string;
  repository: string;
  /** Plain HTTP is allowed when TLS finds the server speaking it. */
  allowPlainHttp: boolean;
  retry?: RetryPolicy;
}

/** Tries after a dropped connection, a 429 or a 5xx, and the first wait, doubled each time. */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250 };
const MAX_REDIRECTS = 5;
const MAX_RETRY_AFTER_MS = 10_000;

/**
 * Speaks the distribution API (https://github.com/opencontainers/distribution-spec/blob/v1.1.0/spec.md)
 * for one repository: finds the scheme, answers auth challenges, follows redirects and
 * retries what a retry may cure. Every answer it returns has a 2xx status.
 */
export class RegistryClient {
  #base: Promise<string> | undefined;

  constructor(readonly context: ClientContext) {}

  /** `GET /v2/<repository>/<path>`; `what` names the thing fetched in errors. */
  async get(path: string, what: string, headers: Record<string, string> = {}) {
    const base = await this.#resolveBase();
    const url = new URL(`${base}/v2/${this.context.repository}/${path}`);
    const res = await this.#fetch(url, headers, what);
    if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) return res;
    throw await this.#failure(res, what);
  }

  get retry(): RetryPolicy {
    return this.context.retry ?? DEFAULT_RETRY;
  }

  /** Waits before try `attempt` (0-based), longer each time, or as long as `Retry-After` asks. */
  async backoff(attempt: number, retryAfter?: string): Promise<void> {
    const asked = Number(retryAfter) * 1000;
    const wait =
      Number.isFinite(asked) && asked > 0 ? asked : this.retry.baseDelayMs * 2 ** attempt;
    await sleep(Math.min(wait, MAX_RETRY_AFTER_MS));
  }

  #resolveBase(): Promise<string> {
    this.#base ??= this.#probe();
    return this.#base;
  }

  /** Docker's order: TLS first, plain HTTP only for an insecure or loopback registry. */
  async #probe(): Promise<string> {
    const { host, allowPlainHttp, transport } = this.context;
    try {
      const res = await transport.send({ url: new URL(`https://${host}/v2/`), headers: {} });
      res.resume();
      return `https://${host}`;
    } catch (err) {
      if (allowPlainHttp && isPlainHttpAnswer(err)) return `http://${host}`;
      const hint = allowPlainHttp ? "" : " (give --insecure if it speaks plain HTTP)";
      throw new RegistryError(
        `registry ${host} could not be reached${hint}: ${describe(err)}`,
        undefined,
        {
          cause: err,
        },
      );
    }
  }

  async #fetch(start: URL, headers: Record<string, string>, what: string) {
    let url = start;
    let answered = false;
    let redirects = 0;
    for (let attempt = 0; ; attempt++) {
      const res = await this.#send(url, headers, attempt, what);
      if (res === undefined) continue;
      const status = res.statusCode ?? 0;
      if (status === 401 && !answered) {
        res.resume();
        await this.context.auth.answer(header(res, "www-authenticate"));
        answered = true;
      } else if ((status === 429 || status >= 500) && attempt + 1 < this.retry.attempts) {
        res.resume();
        await this.backoff(attempt, header(res, "retry-after"));
      } else if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        if (++redirects > MAX_REDIRECTS) throw new RegistryError(`${what}: too many redirects`);
        url = new URL(res.headers.location, url);
      } else return res;
    }
  }

  /** One try; `undefined` after a dropped connection that is worth another try. */
  async #send(url: URL, headers: Record<string, string>, attempt: number, what: string) {
    try {
      const all = { ...headers, ...this.context.auth.headersFor(url) };
      return await this.context.transport.send({ url, headers: all });
    } catch (err) {
      if (isRetriableNetworkError(err) && attempt + 1 < this.retry.attempts) {
        await this.backoff(attempt);
        return undefined;
      }
      throw new RegistryError(
        `${what}: ${url.host} could not be reached: ${describe(err)}`,
        undefined,
        {
          cause: err,
        },
      );
    }
  }

  async #failure(res: IncomingMessage, what: string): Promise<RegistryError> {
    const status = res.statusCode ?? 0;
    const detail = await errorDetail(res);
    const where = `${this.context.host}/${this.context.repository}`;
    if (status === 401 || status === 403) {
      const login = (await this.context.auth.hasCredentials())
        ? "the credentials were refused or lack pull rights"
        : "it needs a login: give --username and --password (or LADING_REGISTRY_USERNAME and LADING_REGISTRY_PASSWORD), or log in with docker login";
      return new RegistryError(
        `${what}: ${where} denied access (HTTP ${status}): ${login}`,
        status,
      );
    }
    if (status === 404) return new RegistryError(`${what}: not found in ${where}${detail}`, status);
    return new RegistryError(`${what}: ${where} answered HTTP ${status}${detail}`, status);
  }
}

function header(res: IncomingMessage, name: string): string | undefined {
  const value = res.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const message = (err as Error).message ?? String(err);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

/** The registry's own words on a failure (`{"errors":[{"code","message"}]}`), briefly. */
async function errorDetail(res: IncomingMessage): Promise<string> {
  try {
    const body = JSON.parse((await readBody(res, 16 << 10)).toString("utf8"));
    const errors = Array.isArray(body.errors) ? body.errors : [];
    const words = errors.map((e: { code?: string; message?: string }) =>
      [e.code, e.message].filter(Boolean).join(": "),
    );
    return words.length > 0 ? ` (${words.join("; ")})` : "";
  } catch {
    return "";
  }
}
