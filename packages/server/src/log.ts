import { pino } from "pino";

/** The server's logger: JSON lines on stdout, secrets redacted wherever they appear. */
export function createLogger(level: string) {
  return pino({
    level,
    redact: {
      paths: ["password", "token", "secret", "*.password", "*.token", "*.secret", "headers.cookie"],
      censor: "[redacted]",
    },
  });
}

export type ServerLogger = ReturnType<typeof createLogger>;
