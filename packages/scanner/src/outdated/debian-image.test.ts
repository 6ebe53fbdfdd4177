/**
 * The real Debian 12 test image (built by `scripts/build-test-images`): not past end of life on
 * 2026-12-03, where Debian's regular security support has ended but Debian LTS has not.
 */
import { beforeAll, expect, it } from "vitest";
import {
  describeWithTestImages,
  imageForms,
  loadTestImages,
} from "../../../../test/support/test-images.js";
import { scan } from "../scan.js";
import type { ScanResult } from "../types.js";
import { assessOutdated } from "./assess-outdated.js";
import { loadEolData } from "./eol/load-eol-data.js";
import type { EolData } from "./types.js";

const withImages = describeWithTestImages("the Debian image EOL test");

withImages("the Debian test image", () => {
  let result: ScanResult;
  let eolData: EolData;
  beforeAll(async () => {
    const [form] = imageForms(loadTestImages());
    if (!form) throw new Error("no image form built");
    result = await scan(form.reference);
    eolData = await loadEolData();
  });

  it("is in Debian LTS on 2026-12-03: security fixes only, not past end of life", () => {
    const report = assessOutdated(result, { now: new Date("2026-12-03T00:00:00Z"), eolData });
    expect(report.distro).toMatchObject({
      product: "debian",
      cycle: "12",
      state: "security-only",
      decidedBy: { field: "eol", date: "2026-06-10" },
      securityEnd: "2028-06-30",
    });
    expect(report.pastSecuritySupport).toBe(false);
  });

  it("was fully supported before 2026-06-10 and is past end of life from 2028-06-30", () => {
    const judge = (day: string) =>
      assessOutdated(result, { now: new Date(`${day}T00:00:00Z`), eolData }).distro?.state;
    expect(judge("2026-06-09")).toBe("supported");
    expect(judge("2028-06-29")).toBe("security-only");
    expect(judge("2028-06-30")).toBe("eol");
  });
});
