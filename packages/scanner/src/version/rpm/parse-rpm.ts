/** An RPM `[epoch:]version[-release]`; `release` is `undefined` when the input has none. */
export interface RpmVersion {
  epoch: string;
  version: string;
  release?: string;
}

const EPOCH = /^[0-9]+$/;
// rpmbuild refuses whitespace, and `-` and `:` are the EVR separators, so none of them may
// appear inside version or release. Other characters are kept: rpmvercmp treats every
// character that is not an ASCII letter or digit (other than `~` and `^`) as a separator.
const PART = /^[^\s:-]+$/;

/**
 * Parses an RPM EVR (`1:2.3-4.el9`), or returns `null` for a non-numeric or empty epoch, an
 * empty version or release, a second `-` or `:`, or whitespace.
 */
export function parseRpm(evr: string): RpmVersion | null {
  const colon = evr.indexOf(":");
  const epoch = colon < 0 ? "0" : evr.slice(0, colon);
  if (!EPOCH.test(epoch)) return null;
  const rest = evr.slice(colon + 1);
  const hyphen = rest.indexOf("-");
  const version = hyphen < 0 ? rest : rest.slice(0, hyphen);
  const release = hyphen < 0 ? undefined : rest.slice(hyphen + 1);
  if (!PART.test(version)) return null;
  if (release !== undefined && !PART.test(release)) return null;
  return { epoch, version, release };
}
