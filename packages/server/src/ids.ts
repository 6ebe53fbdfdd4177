import { randomUUID } from "node:crypto";

/** A new primary key. */
export const newId = (): string => randomUUID();

/** Now as ISO-8601 UTC text, the one time format the database holds. */
export const now = (): string => new Date().toISOString();

/** A time `ms` milliseconds from now, in the same format. */
export const fromNow = (ms: number): string => new Date(Date.now() + ms).toISOString();
