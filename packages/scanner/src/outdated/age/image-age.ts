import type { ImageMetadata } from "../../types.js";
import type { AgeCheck, ImageAge, StaleThresholds } from "../types.js";

/** Defaults: an image not rebuilt for 90 days, or whose files last changed 180 days ago. */
export const DEFAULT_STALE_THRESHOLDS: StaleThresholds = {
  imageAgeDays: 90,
  newestLayerAgeDays: 180,
};

const DAY_MS = 86_400_000;

/**
 * How old an image is: since its config's `created`, and since the newest history entry that
 * made a layer with files (a rebuild that only reuses cached layers keeps their old dates, so
 * the two can differ widely). A missing or unreadable date is a note, not an age.
 */
export function imageAge(
  image: ImageMetadata | undefined,
  now: Date,
  thresholds: StaleThresholds,
): ImageAge {
  const notes: string[] = [];
  if (!image) return { notes: ["not an image: no build dates"] };
  const built = check(image.created, thresholds.imageAgeDays, now, notes, "image config");
  const newest = image.history.filter((h) => !h.emptyLayer).at(-1);
  const layer = newest
    ? check(newest.created, thresholds.newestLayerAgeDays, now, notes, "newest layer's history")
    : undefined;
  if (!newest) notes.push("the image history names no layer");
  return { image: built, newestLayer: layer, notes };
}

function check(
  since: string | undefined,
  thresholdDays: number,
  now: Date,
  notes: string[],
  what: string,
): AgeCheck | undefined {
  const time = since === undefined ? Number.NaN : Date.parse(since);
  if (since === undefined || Number.isNaN(time)) {
    notes.push(
      `${what} has ${since === undefined ? "no" : `an unreadable (${since})`} created date`,
    );
    return undefined;
  }
  const days = Math.floor((now.getTime() - time) / DAY_MS);
  return { since, days, thresholdDays, stale: days > thresholdDays };
}
