import { RateLimitedError } from "../errors.js";

/**
 * Counts failed logins per key in a sliding window.
 * TODO: counts live in this process only, so with several servers on one PostgreSQL database an
 * attacker gets the limit once per server; a table of attempts would close that gap.
 */
export function createLoginLimiter(options: {
  max: number;
  windowMs: number;
  sweepAbove?: number;
}) {
  const sweepAbove = options.sweepAbove ?? 10_000;
  const failures = new Map<string, number[]>();
  const recent = (key: string) => {
    const since = Date.now() - options.windowMs;
    const list = (failures.get(key) ?? []).filter((t) => t > since);
    // Only keys with failures in the window are kept, so a client trying a new user name on
    // every request does not grow the map without end.
    if (list.length > 0) failures.set(key, list);
    else failures.delete(key);
    return list;
  };
  return {
    check(key: string): void {
      const list = recent(key);
      if (list.length < options.max) return;
      const wait = Math.ceil((list[0] + options.windowMs - Date.now()) / 1000);
      throw new RateLimitedError(Math.max(1, wait));
    },
    fail(key: string): void {
      failures.set(key, [...recent(key), Date.now()]);
      // Keys no one tries again would stay for good: past a size, drop those whose window ended.
      if (failures.size > sweepAbove) for (const old of [...failures.keys()]) recent(old);
    },
    succeed(key: string): void {
      failures.delete(key);
    },
    /** How many keys it holds now. */
    size(): number {
      return failures.size;
    },
  };
}

export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
