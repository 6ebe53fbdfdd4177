import { LadingError } from "../errors.js";

/** An ignore file or VEX document is unreadable or breaks its format; the message names where. */
export class PolicyError extends LadingError {}
