import { createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

// OWASP's minimum for scrypt (N=2^17, r=8, p=1) needs 128 MiB; maxmem is raised to allow it.
const params = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };

/** A random secret for cookies, API tokens and setup links (256 bits, URL-safe). */
export const randomSecret = (): string => randomBytes(32).toString("base64url");

/** SHA-256 of a high-entropy secret; enough for tokens, which cannot be guessed. */
export const sha256 = (value: string): string => createHash("sha256").update(value).digest("hex");

/** Hashes a password with scrypt, keeping the parameters beside the hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32, params);
  return ["scrypt", params.N, params.r, params.p, salt.toString("hex"), hash.toString("hex")].join(
    "$",
  );
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !hash) return false;
  const expected = Buffer.from(hash, "hex");
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: params.maxmem };
  const actual = await scryptAsync(password, Buffer.from(salt, "hex"), expected.length, options);
  return timingSafeEqual(actual, expected);
}

let decoy: Promise<string> | undefined;

/**
 * A hash of no one's password, made with the same parameters as every stored one: checking a
 * password against it for a user name that does not exist costs what checking a real user's
 * costs, so the time of the answer does not tell which user names exist.
 */
export function decoyPasswordHash(): Promise<string> {
  decoy ??= hashPassword(randomSecret());
  return decoy;
}

/** Compares two strings without leaking where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
