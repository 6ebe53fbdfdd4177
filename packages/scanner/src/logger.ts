/**
 * The logging contract: a pino-compatible logger the host may hand in. The library is silent
 * unless it is given one; messages are fixed and facts go in the fields.
 */
export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  child?(fields: Record<string, unknown>): Logger;
}

const noop = () => {};

/** The logger used when none is given: it drops everything. */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop };
