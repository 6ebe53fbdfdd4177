/** A Go module version: SemVer with `v`, maybe a pseudo-version, maybe `+incompatible`. */
export interface GoVersion {
  major: string;
  minor: string;
  patch: string;
  prerelease: string[];
  /** `+incompatible`: a v2+ tag of a module that has no go.mod with a major-version path. */
  incompatible: boolean;
  /** Set for pseudo-versions (`v0.0.0-20240102150405-abcdef123456`), which name a commit. */
  pseudo?: { time: string; revision: string };
}

const NUMBER = "0|[1-9][0-9]*";
const IDENTIFIER = `(?:${NUMBER}|[0-9]*[A-Za-z-][0-9A-Za-z-]*)`;
const GRAMMAR = new RegExp(
  `^v?(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${IDENTIFIER}(?:\\.${IDENTIFIER})*))?(\\+incompatible)?$`,
);
// golang.org/x/mod/module's pseudo-version shapes: vX.0.0-T-R, vX.Y.Z-pre.0.T-R and
// vX.Y.(Z+1)-0.T-R, where T is a 14-digit UTC time and R a commit hash prefix.
const PSEUDO = /^(?:.*\.)?(?:0\.)?([0-9]{14})-([0-9A-Za-z]+)$/;
const PSEUDO_BASE = /^v?[0-9]+\.(?:0\.0-|[0-9]+\.[0-9]+-(?:[^+]*\.)?0\.)[0-9]{14}-[0-9A-Za-z]+/;

/**
 * Parses a Go module version. The leading `v` is optional because OSV's Go records leave it
 * out. Only `+incompatible` may follow, and only from v2 on, as the go command requires;
 * `(devel)` (a main module built from a work tree) names no version and is refused.
 */
export function parseGo(version: string): GoVersion | null {
  const m = GRAMMAR.exec(version);
  if (!m) return null;
  const [, major, minor, patch, prerelease, incompatible] = m;
  if (incompatible && (major === "0" || major === "1")) return null;
  const parsed: GoVersion = {
    major,
    minor,
    patch,
    prerelease: prerelease ? prerelease.split(".") : [],
    incompatible: incompatible !== undefined,
  };
  const pseudo = prerelease && PSEUDO_BASE.test(version) ? PSEUDO.exec(prerelease) : null;
  if (pseudo) parsed.pseudo = { time: pseudo[1], revision: pseudo[2] };
  return parsed;
}
