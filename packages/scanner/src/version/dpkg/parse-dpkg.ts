/** A Debian version split into its three parts; a missing revision is the empty string. */
export interface DpkgVersion {
  epoch: number;
  upstream: string;
  revision: string;
}

// Debian policy 4.6.2, §5.6.12: upstream_version starts with a digit and holds alphanumerics
// and `. + - ~`; debian_revision holds alphanumerics and `. + ~`. The hyphen in upstream is
// only possible when a revision follows, because the last hyphen starts the revision. dpkg
// also accepts colons in upstream once an epoch has been split off (`1:2:3`).
const UPSTREAM = /^[0-9][A-Za-z0-9.+~-]*$/;
const UPSTREAM_AFTER_EPOCH = /^[0-9][A-Za-z0-9.+~:-]*$/;
const REVISION = /^[A-Za-z0-9.+~]+$/;
const EPOCH = /^[0-9]+$/;
// dpkg stores the epoch in an int and refuses larger ones ("epoch in version is too big").
const MAX_EPOCH = 2147483647;

/**
 * Parses `[epoch:]upstream_version[-debian_revision]` as dpkg does, or returns `null` for what
 * dpkg would refuse: an empty or non-numeric epoch, an empty part, a bad character, spaces.
 */
export function parseDpkg(version: string): DpkgVersion | null {
  const colon = version.indexOf(":");
  const epochText = colon < 0 ? "0" : version.slice(0, colon);
  if (!EPOCH.test(epochText) || Number(epochText) > MAX_EPOCH) return null;
  const rest = version.slice(colon + 1);
  const hyphen = rest.lastIndexOf("-");
  const upstream = hyphen < 0 ? rest : rest.slice(0, hyphen);
  const revision = hyphen < 0 ? "" : rest.slice(hyphen + 1);
  if (!(colon < 0 ? UPSTREAM : UPSTREAM_AFTER_EPOCH).test(upstream)) return null;
  if (hyphen >= 0 && !REVISION.test(revision)) return null;
  return { epoch: Number(epochText), upstream, revision };
}
