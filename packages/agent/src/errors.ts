import { LadingError } from "@lading/scanner";

/** Bad agent configuration, or an engine that cannot be reached at all. */
export class AgentError extends LadingError {}

/**
 * The server refused a request for a reason retrying will not fix (bad token, refused SBOM).
 * `status` is the HTTP status it answered.
 */
export class ServerRefusedError extends LadingError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The server could not be reached or answered with a temporary failure; try again later. */
export class ServerUnavailableError extends LadingError {}
