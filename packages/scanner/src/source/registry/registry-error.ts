import { SourceError } from "../../errors.js";

/** A registry refused, failed or could not be reached. `status` is the HTTP status, if any. */
export class RegistryError extends SourceError {
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
