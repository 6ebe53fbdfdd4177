import { RateLimitedError } from "../errors.js";

/**
 * Counts failed logins per key in a sliding window.
 * TODO: counts live in this process only, so with several servers on one PostgreSQL database an
 * attacker gets the limit once per server; a table of attempts would close that gap.
 */
export function createLoginLimiter(options: { max: number; windowMs: number }) {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => {
    const since = Date.now() - options.windowMs;
    const list = (failures.get(key) ?? []).filter((t) => t > since);
    failures.set(key, list);
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
      recent(key).push(Date.now());
    },
    succeed(key: string): void {
      failures.delete(key);
    },
  };
}

export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
