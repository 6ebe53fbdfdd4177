/**
 * Kinds of token in an apk version, in the order they may appear. The order matters beyond
 * parsing: when two versions agree up to where one has a token of an earlier kind, that one
 * is newer (`1.0.1` > `1.0a` > `1.0_p1` > `1.0-r1` > `1.0`), pre-release suffixes excepted.
 */
export enum ApkToken {
  Digit = 0,
  Letter = 1,
  Suffix = 2,
  SuffixNumber = 3,
  Hash = 4,
  Revision = 5,
}

/** One token: its kind and its text (for a suffix, its rank; see {@link SUFFIX_RANK}). */
export interface ApkPart {
  kind: ApkToken;
  text: string;
  rank?: number;
}

/** Suffix ranks: pre-release suffixes are negative, post-release ones positive. */
export const SUFFIX_RANK: Readonly<Record<string, number>> = {
  alpha: -4,
  beta: -3,
  pre: -2,
  rc: -1,
  cvs: 1,
  svn: 2,
  git: 3,
  hg: 4,
  p: 5,
};

// apk-tools' grammar (Gentoo's, plus a commit hash): digits{.digits}[letter]{_suffix[digits]}
// [~hexhash][-rdigits]. Anything else apk-tools calls invalid and sorts as plain text, which
// would be a guess about what the packager meant, so it is reported instead.
const GRAMMAR =
  /^([0-9]+(?:\.[0-9]+)*)([a-z])?((?:_(?:alpha|beta|pre|rc|cvs|svn|git|hg|p)[0-9]*)*)(?:~([0-9a-f]+))?(?:-r([0-9]+))?$/;
const SUFFIX = /_([a-z]+)([0-9]*)/g;

/** Splits an apk version into tokens, or returns `null` when apk-tools would call it invalid. */
export function parseApk(version: string): ApkPart[] | null {
  const m = GRAMMAR.exec(version);
  if (!m) return null;
  const [, digits, letter, suffixes, hash, revision] = m;
  const parts: ApkPart[] = digits.split(".").map((text) => ({ kind: ApkToken.Digit, text }));
  if (letter) parts.push({ kind: ApkToken.Letter, text: letter });
  for (const [, name, number] of suffixes.matchAll(SUFFIX)) {
    parts.push({ kind: ApkToken.Suffix, text: name, rank: SUFFIX_RANK[name] });
    if (number) parts.push({ kind: ApkToken.SuffixNumber, text: number });
  }
  if (hash) parts.push({ kind: ApkToken.Hash, text: hash });
  if (revision !== undefined) parts.push({ kind: ApkToken.Revision, text: revision });
  return parts;
}
