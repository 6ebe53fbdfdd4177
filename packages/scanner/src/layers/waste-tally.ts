/** Sums of waste by category, each keeping its few largest files as examples. */
import { cacheCategories } from "./cache-paths.js";
import type { SizedPath, WasteCategory, WasteItem } from "./types.js";

/** Examples kept per category: enough to point at the culprit, few enough to stay small. */
const EXAMPLES = 5;

/** Waste of several categories, added to file by file. */
export class WasteTally {
  private readonly items = new Map<WasteCategory, WasteItem>();

  /** Counts one file of `bytes` under `category`. */
  add(category: WasteCategory, file: SizedPath): void {
    const item = this.items.get(category) ?? this.create(category);
    item.bytes += file.bytes;
    item.files += 1;
    keepLargest(item.largest, file);
  }

  /** Adds every category of `other` into this tally. */
  merge(other: WasteTally): void {
    for (const theirs of other.items.values()) {
      const item = this.items.get(theirs.category) ?? this.create(theirs.category);
      item.bytes += theirs.bytes;
      item.files += theirs.files;
      for (const file of theirs.largest) keepLargest(item.largest, file);
    }
  }

  /** The categories with bytes, largest first. */
  list(): WasteItem[] {
    return [...this.items.values()]
      .filter((item) => item.bytes > 0)
      .sort((a, b) => b.bytes - a.bytes || a.category.localeCompare(b.category));
  }

  /** Bytes of every category. */
  total(): number {
    let sum = 0;
    for (const item of this.items.values()) sum += item.bytes;
    return sum;
  }

  private create(category: WasteCategory): WasteItem {
    const hint = cacheCategories.find((c) => c.id === category)?.hint;
    const item: WasteItem = { category, bytes: 0, files: 0, largest: [] };
    if (hint !== undefined) item.hint = hint;
    this.items.set(category, item);
    return item;
  }
}

/** Inserts `file` into `list` (largest first, ties by path) and trims it to the example count. */
function keepLargest(list: SizedPath[], file: SizedPath): void {
  if (file.bytes === 0) return;
  list.push(file);
  list.sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
  if (list.length > EXAMPLES) list.length = EXAMPLES;
}
