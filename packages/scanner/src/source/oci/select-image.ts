import { SourceError } from "../../errors.js";
import { shortDigest } from "../blob-labels.js";

/** One image an archive or index offers, with what a user may pick it by. */
export interface ImageChoice<T> {
  item: T;
  /** Tags and reference names (`alpine:3.10`, `docker.io/library/alpine:3.10`, `3.10`). */
  names: string[];
  /** Manifest and config digests; the first one is shown in messages. */
  digests: string[];
  /** `os/arch[/variant]`, when known. */
  platform?: string;
}

/** What the user asked for: `options.select` and `options.platform`. */
export interface Selection {
  select?: string;
  platform?: string;
}

/**
 * Picks the one image that matches the selection. When none or several match, the error lists
 * every image on offer, so the user can copy a tag, digest or platform from it.
 */
export function selectImage<T>(choices: ImageChoice<T>[], wanted: Selection, label: string): T {
  const matches = choices.filter(
    (c) =>
      (wanted.select === undefined || matchesSelect(c, wanted.select)) &&
      (wanted.platform === undefined || matchesPlatform(c.platform, wanted.platform)),
  );
  if (matches.length === 1) return (matches[0] as ImageChoice<T>).item;
  const offer = choices.map(describeChoice).join("; ");
  if (choices.length === 0) throw new SourceError(`${label} holds no image`);
  if (matches.length === 0) {
    throw new SourceError(
      `no image in ${label} matches ${describeWanted(wanted)}; it holds: ${offer}`,
    );
  }
  throw new SourceError(
    `${label} holds ${matches.length} images matching ${describeWanted(wanted)}; ` +
      `pick one by tag or digest (select) or by platform (os/arch[/variant]): ${offer}`,
  );
}

function describeChoice(choice: ImageChoice<unknown>): string {
  const names = choice.names.length > 0 ? choice.names.join(", ") : "untagged";
  const digest = choice.digests[0] ? ` ${shortDigest(choice.digests[0])}` : "";
  return `${names}${digest}${choice.platform ? ` ${choice.platform}` : ""}`;
}

function describeWanted(wanted: Selection): string {
  const parts = [wanted.select, wanted.platform && `platform ${wanted.platform}`];
  return parts.filter(Boolean).join(" and ") || "the request";
}

/** A digest (`sha256:...`, or a hex prefix of at least 12 characters) or a tag. */
function matchesSelect(choice: ImageChoice<unknown>, select: string): boolean {
  const hex = /^[0-9a-f]{12,}$/.test(select) ? select : undefined;
  if (choice.digests.some((d) => d === select || (hex && d.startsWith(`sha256:${hex}`)))) {
    return true;
  }
  const wanted = normalizeName(select);
  return choice.names.some((n) => n === select || normalizeName(n) === wanted);
}

/** `docker.io/library/alpine` → `alpine:latest`, so short and long names compare equal. */
export function normalizeName(name: string): string {
  let result = name.replace(/^docker\.io\//, "").replace(/^library\//, "");
  const slash = result.lastIndexOf("/");
  if (!result.includes("@") && result.indexOf(":", slash + 1) < 0) result += ":latest";
  result = result.replace(/^library\//, "");
  return result;
}

/** `linux/arm64` matches `linux/arm64/v8`; a variant asked for must be there. */
export function matchesPlatform(have: string | undefined, wanted: string): boolean {
  if (have === undefined) return false;
  const [os, arch, variant] = wanted.split("/");
  const [hOs, hArch, hVariant] = have.split("/");
  return os === hOs && arch === hArch && (variant === undefined || variant === hVariant);
}
