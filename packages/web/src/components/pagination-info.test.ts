import { describe, expect, it } from "vitest";
import { pageInfo } from "./pagination-info";

describe("pageInfo", () => {
  it("labels the range shown and where the buttons lead", () => {
    expect(pageInfo(245, 25, 25)).toEqual({
      label: "26–50 of 245",
      hasPrevious: true,
      hasNext: true,
      previous: 0,
      next: 50,
    });
  });

  it("stops at the ends", () => {
    expect(pageInfo(30, 25, 25)).toMatchObject({ label: "26–30 of 30", hasNext: false });
    expect(pageInfo(0, 25, 0)).toMatchObject({ label: "none", hasPrevious: false, hasNext: false });
  });
});
