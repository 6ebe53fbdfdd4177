import { describe, expect, it } from "vitest";
import { csrfToken } from "./api-client";

describe("csrfToken", () => {
  it("reads the double-submit cookie the server sets at sign-in", () => {
    expect(csrfToken("theme=dark; lading_csrf=abc%2Bdef; other=1")).toBe("abc+def");
    expect(csrfToken("theme=dark")).toBeUndefined();
  });
});
