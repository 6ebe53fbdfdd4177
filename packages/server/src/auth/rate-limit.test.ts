import { describe, expect, it } from "vitest";
import { createLoginLimiter } from "./rate-limit.js";

describe("login limiter", () => {
  it("refuses a key after max failures in the window, and forgets it on success", () => {
    const limiter = createLoginLimiter({ max: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      limiter.check("admin|127.0.0.1");
      limiter.fail("admin|127.0.0.1");
    }
    expect(() => limiter.check("admin|127.0.0.1")).toThrow(/too many|rate/i);
    limiter.check("admin|10.0.0.1");
    limiter.succeed("admin|127.0.0.1");
    limiter.check("admin|127.0.0.1");
  });

  it("holds no key whose failures are all past the window", async () => {
    const limiter = createLoginLimiter({ max: 5, windowMs: 20, sweepAbove: 100 });
    // A new user name on every try: checked keys that never failed are not kept at all.
    for (let i = 0; i < 1000; i++) limiter.check(`user-${i}|127.0.0.1`);
    expect(limiter.size()).toBe(0);
    for (let i = 0; i < 100; i++) limiter.fail(`user-${i}|127.0.0.1`);
    expect(limiter.size()).toBe(100);
    await new Promise((r) => setTimeout(r, 30));
    limiter.fail("late|127.0.0.1");
    expect(limiter.size()).toBe(1);
  });
});
