import { describe, expect, it } from "vitest";
import { decoyPasswordHash, hashPassword, verifyPassword } from "./secrets.js";

/** A stored hash's scheme and cost parameters: `scrypt$N$r$p`. */
const costOf = (hash: string) => hash.split("$").slice(0, 4).join("$");

describe("passwords", () => {
  it("verifies the password hashed and nothing else", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", stored)).toBe(false);
  });

  it("gives sign-ins of unknown users a decoy that costs what a real hash costs", async () => {
    const decoy = await decoyPasswordHash();
    expect(await decoyPasswordHash()).toBe(decoy);
    expect(costOf(decoy)).toBe(costOf(await hashPassword("x")));
    expect(costOf(decoy)).toMatch(/^scrypt\$131072\$8\$1$/);
    for (const guess of ["", "password", decoy])
      expect(await verifyPassword(guess, decoy)).toBe(false);
  });
});
