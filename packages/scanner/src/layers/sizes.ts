/** How the layers report writes sizes and shares for people (JSON keeps plain numbers). */
import bytes from "bytes-iec";

/** `1234567` → `1.2MB`: decimal units, one decimal place. */
export function formatBytes(n: number): string {
  return bytes.format(n, { decimalPlaces: 1, unitSeparator: " " }) ?? `${n} B`;
}

/** `0.9234` → `92.3%`. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
