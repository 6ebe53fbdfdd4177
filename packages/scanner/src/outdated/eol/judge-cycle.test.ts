import { beforeAll, describe, expect, it } from "vitest";
import type { EolData } from "../types.js";
import { judgeCycle } from "./judge-cycle.js";
import { loadEolData } from "./load-eol-data.js";

const TODAY = new Date("2026-12-03T12:00:00Z");
let data: EolData;

beforeAll(async () => {
  data = await loadEolData();
});

describe("the shipped end-of-life data", () => {
  it("reads every product file without skipping a record", () => {
    expect(data.skipped).toEqual([]);
    expect([...data.products.keys()].sort()).toContain("debian");
    expect(data.products.size).toBe(18);
  });
});

describe("judgeCycle on 2026-12-03", () => {
  it.each([
    // product, cycle, state, deciding field, deciding date
    ["alpine", "3.10", "eol", "eol", "2021-05-01"],
    ["alpine", "3.11", "eol", "eol", "2021-11-01"],
    ["alpine", "3.22", "supported", "eol", "2027-05-01"],
    ["debian", "10", "eol", "extendedSupport", "2024-06-30"],
    ["debian", "11", "eol", "extendedSupport", "2026-08-31"],
    // Regular security support ended 2026-06-10; Debian LTS (free) runs to 2028-06-30.
    ["debian", "12", "security-only", "eol", "2026-06-10"],
    ["debian", "13", "supported", "eol", "2028-08-09"],
    ["ubuntu", "18.04", "eol", "eol", "2023-05-31"],
    ["ubuntu", "24.04", "supported", "eol", "2029-05-31"],
    ["centos", "8", "eol", "eol", "2021-12-31"],
    ["rhel", "8", "security-only", "support", "2024-05-31"],
    ["amazon-linux", "2", "eol", "eol", "2026-06-30"],
    ["nodejs", "16", "eol", "eol", "2023-09-11"],
    ["nodejs", "22", "security-only", "support", "2025-10-21"],
    ["nodejs", "24", "security-only", "support", "2026-10-20"],
    ["python", "3.9", "eol", "eol", "2025-10-31"],
    ["python", "3.12", "security-only", "support", "2025-04-08"],
    ["go", "1.19", "eol", "eol", "2023-08-08"],
    ["php", "8.2", "security-only", "support", "2024-12-31"],
    ["eclipse-temurin", "17", "supported", "eol", "2027-10-31"],
    ["dotnet", "8.0", "eol", "eol", "2026-11-10"],
  ])("%s %s is %s, decided by %s %s", (product, cycle, state, field, date) => {
    const verdict = judgeCycle(data, product, cycle, TODAY);
    expect(verdict.state).toBe(state);
    expect(verdict.decidedBy).toEqual({ field, date });
  });

  it("keeps Debian 12's LTS end as its security end and sells nothing", () => {
    expect(judgeCycle(data, "debian", "12", TODAY)).toMatchObject({
      releaseDate: "2023-06-10",
      supportEnd: "2026-06-10",
      securityEnd: "2028-06-30",
      paidSupportEnd: undefined,
    });
  });

  it("reports Ubuntu's ESM as paid support, which does not keep a release alive", () => {
    expect(judgeCycle(data, "ubuntu", "18.04", TODAY)).toMatchObject({
      state: "eol",
      securityEnd: "2023-05-31",
      paidSupportEnd: "2028-04-26",
    });
  });

  it("counts the end date itself as ended", () => {
    expect(judgeCycle(data, "nodejs", "16", new Date("2023-09-11T00:00:00Z")).state).toBe("eol");
    expect(judgeCycle(data, "nodejs", "16", new Date("2023-09-10T23:59:59Z")).state).toBe(
      "security-only",
    );
  });

  it("reports a cycle or product it has no dates for as unknown, never supported", () => {
    expect(judgeCycle(data, "alpine", "3.99", TODAY)).toMatchObject({
      state: "unknown",
      reason: "alpine 3.99 is not in the end-of-life data",
    });
    expect(judgeCycle(data, "haiku", "1", TODAY).state).toBe("unknown");
  });

  it("reads a boolean eol as ended on an unknown date", () => {
    const products = new Map([["x", [{ cycle: "1", eol: true as const }]]]);
    const custom: EolData = { products, fetchedAt: new Map(), skipped: [] };
    expect(judgeCycle(custom, "x", "1", TODAY)).toMatchObject({
      state: "eol",
      decidedBy: { field: "eol" },
    });
  });
});
