import { parseChallenges } from "./challenge.js";
import type { Credentials } from "./credentials.js";
import { RegistryError } from "./registry-error.js";
import { readBody, type Transport } from "./transport.js";

/** What the authenticator needs to know of the registry it logs in to. */
export interface AuthContext {
  transport: Transport;
  /** Host (with port) whose requests carry the `Authorization` header; no other host gets it. */
  host: string;
  repository: string;
  /** Looked up once, on the first challenge: anonymous access never reads config.json. */
  credentials: () => Promise<Credentials | undefined>;
}

/**
 * Answers a registry's `WWW-Authenticate` challenge: HTTP basic with the user's credentials, or
 * a bearer token from the challenge's realm (https://distribution.github.io/distribution/spec/auth/token/).
 * The header it builds is handed to requests only, never to messages or logs.
 */
export class Authenticator {
  #header: string | undefined;
  #credentials: Promise<Credentials | undefined> | undefined;

  constructor(private readonly context: AuthContext) {}

  /** Whether credentials were found: errors say "wrong credentials" or "log in" by this. */
  async hasCredentials(): Promise<boolean> {
    return (await this.#loadCredentials()) !== undefined;
  }

  /** The headers for a request to `url`: `Authorization` for the registry host only. */
  headersFor(url: URL): Record<string, string> {
    return this.#header && url.host === this.context.host ? { authorization: this.#header } : {};
  }

  /** Takes a challenge and prepares the header that answers it; throws when it cannot. */
  async answer(header: string | undefined): Promise<void> {
    const challenges = parseChallenges(header);
    const bearer = challenges.find((c) => c.scheme === "bearer");
    const credentials = await this.#loadCredentials();
    if (bearer?.params.realm) {
      this.#header = `Bearer ${await this.#fetchToken(bearer.params, credentials)}`;
    } else if (challenges.some((c) => c.scheme === "basic") && credentials) {
      this.#header = basicHeader(credentials);
    } else {
      this.#header = undefined;
    }
  }

  #loadCredentials(): Promise<Credentials | undefined> {
    this.#credentials ??= this.context.credentials();
    return this.#credentials;
  }

  async #fetchToken(params: Record<string, string>, credentials?: Credentials): Promise<string> {
    const url = new URL(params.realm as string);
    if (params.service) url.searchParams.set("service", params.service);
    url.searchParams.set("scope", params.scope ?? `repository:${this.context.repository}:pull`);
    const headers: Record<string, string> = credentials
      ? { authorization: basicHeader(credentials) }
      : {};
    const res = await this.context.transport.send({ url, headers }).catch((err: Error) => {
      throw new RegistryError(`the token service ${url.host} could not be reached: ${err.message}`);
    });
    const body = await readBody(res, 1 << 20);
    if (res.statusCode !== 200) {
      const why = credentials ? "the credentials were refused" : "anonymous access was refused";
      throw new RegistryError(
        `the token service ${url.host} answered HTTP ${res.statusCode}: ${why}`,
        res.statusCode,
      );
    }
    return parseToken(body, url.host);
  }
}

function basicHeader(credentials: Credentials): string {
  const pair = `${credentials.username}:${credentials.password}`;
  return `Basic ${Buffer.from(pair, "utf8").toString("base64")}`;
}

function parseToken(body: Buffer, host: string): string {
  let answer: { token?: unknown; access_token?: unknown };
  try {
    answer = JSON.parse(body.toString("utf8"));
  } catch {
    throw new RegistryError(`the token service ${host} answered with something not JSON`);
  }
  const token = answer.token ?? answer.access_token;
  if (typeof token !== "string" || token === "") {
    throw new RegistryError(`the token service ${host} answered without a token`);
  }
  return token;
}
