import { describe, expect, it } from "vitest";
import {
  checkThresholds,
  parseThresholds,
  ThresholdError,
  thresholdsFromConfig,
} from "./thresholds.js";
import type { LayersSummary } from "./types.js";

const summary: LayersSummary = {
  layerCount: 3,
  uncompressedBytes: 100_000_000,
  storedBytes: 100_000_000,
  finalBytes: 80_000_000,
  finalFiles: 10,
  efficiency: 0.8,
  wastedBytes: 25_000_000,
  wastedPercent: 0.25,
  waste: [],
};

describe("checkThresholds", () => {
  it("names every threshold crossed, with the figure and the limit", () => {
    const crossed = checkThresholds(summary, {
      lowestEfficiency: 0.9,
      highestWastedBytes: 20_000_000,
      highestWastedPercent: 0.1,
    });
    expect(crossed.map((c) => c.message)).toEqual([
      "lowest-efficiency: efficiency 80.0% is below 90.0%",
      "highest-wasted-bytes: wasted 25 MB is above 20 MB",
      "highest-wasted-percent: wasted share 25.0% is above 10.0%",
    ]);
    expect(crossed[1]).toMatchObject({ limit: 20_000_000, actual: 25_000_000 });
  });

  it("gives exact figures where rounding would make the figure and the limit look equal", () => {
    const crossed = checkThresholds(summary, {
      lowestEfficiency: 0.80001,
      highestWastedBytes: 24_999_999,
    });
    expect(crossed.map((c) => c.message)).toEqual([
      "lowest-efficiency: efficiency 0.8 is below 0.80001",
      "highest-wasted-bytes: wasted 25000000 bytes is above 24999999 bytes",
    ]);
  });

  it("passes figures on or within the limits, and checks no limit not given", () => {
    const limits = { lowestEfficiency: 0.8, highestWastedBytes: 25_000_000 };
    expect(checkThresholds(summary, limits)).toEqual([]);
    expect(checkThresholds(summary, {})).toEqual([]);
  });
});

describe("parseThresholds", () => {
  it("reads shares as ratios or percentages and sizes in decimal or binary units", () => {
    const limits = parseThresholds(
      { "lowest-efficiency": "90%", "highest-wasted-bytes": "20MB", "highest-wasted-percent": 0.1 },
      "flags",
    );
    expect(limits).toEqual({
      lowestEfficiency: 0.9,
      highestWastedBytes: 20_000_000,
      highestWastedPercent: 0.1,
    });
    expect(parseThresholds({ "highest-wasted-bytes": "20 MiB" }, "flags")).toEqual({
      highestWastedBytes: 20 * 1024 * 1024,
    });
  });

  it("refuses unknown names and unreadable values, saying where they came from", () => {
    expect(() => parseThresholds({ "lowest-eficiency": 0.9 }, "flags")).toThrow(
      /flags: unknown threshold lowest-eficiency/,
    );
    expect(() => parseThresholds({ "lowest-efficiency": 1.5 }, "flags")).toThrow(ThresholdError);
    expect(() => parseThresholds({ "highest-wasted-bytes": "lots" }, "flags")).toThrow(
      /highest-wasted-bytes must be a size/,
    );
    expect(() => parseThresholds({ "highest-wasted-bytes": "-5MB" }, "flags")).toThrow(
      ThresholdError,
    );
  });
});

describe("thresholdsFromConfig", () => {
  it("reads the layers: section of .lading.yaml", () => {
    const text =
      "db:\n  max-age: 24h\nlayers:\n  lowest-efficiency: 0.95\n  highest-wasted-bytes: 5MB\n";
    expect(thresholdsFromConfig(text, ".lading.yaml")).toEqual({
      lowestEfficiency: 0.95,
      highestWastedBytes: 5_000_000,
    });
  });

  it("gives no thresholds for a file without the section, or an empty one", () => {
    expect(thresholdsFromConfig("db: {}\n", "c")).toEqual({});
    expect(thresholdsFromConfig("", "c")).toEqual({});
  });

  it("refuses a section that is not a mapping, and text that is not YAML", () => {
    expect(() => thresholdsFromConfig("layers: [1, 2]\n", "c")).toThrow(
      /layers: must be a mapping/,
    );
    expect(() => thresholdsFromConfig("layers:\n  a: 1\n b: 2\n", "c")).toThrow(
      /^c: not valid YAML: All mapping items must start at the same column at line 3, column 1$/,
    );
  });

  it("refuses a list, a mapping or a boolean where one value belongs", () => {
    expect(() => thresholdsFromConfig("layers:\n  lowest-efficiency: [0.5]\n", "c")).toThrow(
      "c layers: lowest-efficiency must be one number or size, not a list",
    );
    expect(() =>
      thresholdsFromConfig("layers:\n  highest-wasted-bytes: {size: 20MB}\n", "c"),
    ).toThrow("c layers: highest-wasted-bytes must be one number or size, not a mapping");
    expect(() => thresholdsFromConfig("layers:\n  highest-wasted-percent: true\n", "c")).toThrow(
      /not a boolean/,
    );
  });
});
