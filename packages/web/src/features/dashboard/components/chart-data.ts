import { type Severity, type SeverityCounts, totalOf } from "../../../lib/severity";

/** One point of the metrics series. */
export type MetricsPoint = SeverityCounts & { at: string };

/** A stacked band of the chart: its severity and the SVG path of its area. */
export interface Band {
  severity: Severity;
  path: string;
}

/** Box the chart draws in, in SVG user units. */
export interface Box {
  width: number;
  height: number;
}

/**
 * Stacks the points into areas, the first of `severities` (the worst) at the bottom. X is time
 * (points at the same instant collapse to the last); Y is the count, scaled so the highest total
 * touches the top.
 */
export function stackBands(
  points: readonly MetricsPoint[],
  box: Box,
  severities: readonly Severity[],
): Band[] {
  const series = lastPerInstant(points);
  if (series.length === 0) return [];
  const x = timeScale(series, box.width);
  const max = Math.max(1, peakTotal(series, severities));
  const y = (value: number) => box.height - (value / max) * box.height;
  const base = series.map(() => 0);
  return severities.map((severity) => {
    const lower = [...base];
    series.forEach((p, i) => {
      base[i] += p[severity];
    });
    const top = series.map((p, i) => `${x(p)},${y(base[i])}`);
    const bottom = series.map((p, i) => `${x(p)},${y(lower[i])}`).reverse();
    return { severity, path: `M${top.join("L")}L${bottom.join("L")}Z` };
  });
}

/** The highest total of any point: the chart's top label. */
export const peakTotal = (points: readonly MetricsPoint[], severities: readonly Severity[]) =>
  Math.max(0, ...points.map((p) => totalOf(p, severities)));

function lastPerInstant(points: readonly MetricsPoint[]): MetricsPoint[] {
  const byAt = new Map<string, MetricsPoint>();
  for (const p of points) byAt.set(p.at, p);
  const sorted = [...byAt.values()].sort((a, b) => a.at.localeCompare(b.at));
  // A single point still draws as a flat band across the whole width.
  return sorted.length === 1 ? [sorted[0], { ...sorted[0], at: "" }] : sorted;
}

function timeScale(series: readonly MetricsPoint[], width: number) {
  if (series[1]?.at === "") return (p: MetricsPoint) => (p.at === "" ? width : 0);
  const t0 = Date.parse(series[0].at);
  const span = Math.max(1, Date.parse(series[series.length - 1].at) - t0);
  return (p: MetricsPoint) => Math.round(((Date.parse(p.at) - t0) / span) * width * 10) / 10;
}
