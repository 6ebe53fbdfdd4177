import { LadingError } from "../errors.js";

/** A version its scheme cannot parse. Comparisons report it rather than guess an order. */
export class InvalidVersionError extends LadingError {
  constructor(
    readonly scheme: string,
    readonly version: string,
  ) {
    super(`${JSON.stringify(version)} is not a valid ${scheme} version`);
  }
}
