import { describe, expect, it } from "vitest";
import { peakTotal, stackBands } from "./chart-data";

const point = (at: string, critical: number, high: number) => ({
  at,
  critical,
  high,
  medium: 0,
  low: 0,
  unknown: 0,
});

// The order GET /api/severities serves, worst first.
const severities = ["critical", "high", "medium", "low", "unknown"] as const;

describe("stackBands", () => {
  it("stacks severities in the given order and scales the peak total to the top", () => {
    const bands = stackBands(
      [point("2026-01-01T00:00:00Z", 1, 1), point("2026-01-03T00:00:00Z", 2, 2)],
      { width: 100, height: 40 },
      severities,
    );
    expect(bands.map((b) => b.severity)).toEqual(severities);
    // Critical: from the baseline (y=40) up to 1/4 of the peak at the start, 2/4 at the end.
    expect(bands[0].path).toBe("M0,30L100,20L100,40L0,40Z");
    // High sits on critical and reaches the top (y=0) at the peak.
    expect(bands[1].path).toBe("M0,20L100,0L100,20L0,30Z");
  });

  it("keeps the last point of an instant and places points by time", () => {
    const bands = stackBands(
      [
        point("2026-01-01T00:00:00Z", 4, 0),
        point("2026-01-01T00:00:00Z", 2, 0),
        point("2026-01-02T00:00:00Z", 2, 0),
        point("2026-01-05T00:00:00Z", 2, 0),
      ],
      { width: 80, height: 10 },
      severities,
    );
    expect(bands[0].path).toBe("M0,0L20,0L80,0L80,10L20,10L0,10Z");
  });

  it("draws a single point across the whole width and nothing for no points", () => {
    const box = { width: 50, height: 10 };
    const [critical] = stackBands([point("2026-01-01T00:00:00Z", 3, 0)], box, severities);
    expect(critical.path).toBe("M0,0L50,0L50,10L0,10Z");
    expect(stackBands([], box, severities)).toEqual([]);
    expect(peakTotal([point("a", 3, 4), point("b", 1, 1)], severities)).toBe(7);
  });
});
