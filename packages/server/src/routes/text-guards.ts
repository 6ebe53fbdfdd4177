/**
 * Text no database column may hold. PostgreSQL refuses NUL characters in text (SQLite keeps
 * them), so a NUL in a parameter would fail there as a 500 and pass here; refusing it at the
 * door answers 400 on both.
 */
import type { MiddlewareHandler } from "hono";
import { InvalidRequestError } from "../errors.js";
import type { AppEnv } from "./common.js";

/** Refuses a request whose path or query holds a NUL, written `%00`. */
export const rejectNulInUrl: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (/%00|\0/i.test(c.req.url)) throw new InvalidRequestError("NUL characters are not accepted");
  await next();
};

// PostgreSQL's "invalid byte sequence" and "untranslatable character": text it cannot store.
const unstorableTextCodes = new Set(["22021", "22P05"]);

/** True for a database error caused by text in the request (a NUL inside a JSON string). */
export function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && unstorableTextCodes.has(code);
}
