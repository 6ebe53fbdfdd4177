/**
 * Errors the API answers with. Each class carries its HTTP status and a stable code; the one
 * error handler in `app.ts` turns any of them into `{ error: { code, message } }`.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Base of every error the server answers with on purpose. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The request does not match its schema, or names something inconsistent. */
export class InvalidRequestError extends ApiError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(400, "invalid_request", message, options);
  }
}

/** The uploaded document is not a CycloneDX 1.4–1.6 or SPDX 2.3 JSON SBOM we can read. */
export class UnsupportedSbomError extends ApiError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(422, "unsupported_sbom", message, options);
  }
}

/** The body is bigger than the configured limit. */
export class PayloadTooLargeError extends ApiError {
  constructor(limit: number) {
    super(413, "payload_too_large", `the body is larger than ${limit} bytes`);
  }
}

/** The body is not of a media type the route reads. */
export class UnsupportedMediaTypeError extends ApiError {
  constructor(message: string) {
    super(415, "unsupported_media_type", message);
  }
}

/** No valid session or token came with the request. */
export class UnauthenticatedError extends ApiError {
  constructor(message = "sign in or send an API token") {
    super(401, "unauthenticated", message);
  }
}

/** The caller is known but may not do this. */
export class ForbiddenError extends ApiError {
  constructor(message = "not allowed") {
    super(403, "forbidden", message);
  }
}

/** A cookie-authenticated change came without a matching CSRF token or from another origin. */
export class CsrfError extends ApiError {
  constructor() {
    super(403, "csrf_failed", "missing or wrong X-CSRF-Token, or a foreign Origin");
  }
}

/** The thing asked for does not exist (or the caller may not know it exists). */
export class NotFoundError extends ApiError {
  constructor(what: string) {
    super(404, "not_found", `${what} not found`);
  }
}

/** The change clashes with what is stored (a name taken, a setup already done). */
export class ConflictError extends ApiError {
  constructor(message: string) {
    super(409, "conflict", message);
  }
}

/** Too many attempts; the caller should wait. */
export class RateLimitedError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, "rate_limited", `too many attempts; retry in ${retryAfterSeconds} s`);
  }
}
