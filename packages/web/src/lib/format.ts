/** Small display helpers shared by every feature. */

/** "3 minutes ago"-style text for an ISO time, relative to `now`. */
export function timeAgo(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "never";
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  const steps: [number, string][] = [
    [60, "second"],
    [60, "minute"],
    [24, "hour"],
    [30, "day"],
    [12, "month"],
  ];
  let value = seconds;
  for (const [size, unit] of steps) {
    if (Math.abs(value) < size) return plural(value, unit);
    value = Math.round(value / size);
  }
  return plural(value, "year");
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"} ago`;

/** Bytes as KiB/MiB/GiB. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return "—";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** A digest cut to its algorithm and first 12 hex digits. */
export const shortDigest = (digest: string | null | undefined) =>
  digest ? digest.replace(/^(\w+:)?([0-9a-f]{12})[0-9a-f]*$/, "$1$2") : "—";
