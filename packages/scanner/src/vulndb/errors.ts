import { LadingError } from "../errors.js";

/** The vulnerability database is missing, of another schema, or could not be written or fetched. */
export class VulnDbError extends LadingError {}
