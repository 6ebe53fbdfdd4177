/**
 * Corpus cases the Go cataloger deliberately answers differently from the scanner whose test
 * the case was taken from; the tests check each entry still holds.
 */
export const goCapabilities: readonly { case: string; reason: string }[] = [
  {
    case: "stdlib-from-go-mod",
    reason:
      "osv-scalibr reports the go.mod `go`/`toolchain` line as a stdlib package; that line is a " +
      "minimum language version, not the toolchain a build will use, so Lading reports stdlib " +
      "only from a binary's build info (no false stdlib advisories on source trees)",
  },
  {
    case: "scalibr-gomod-replace-local.mod",
    reason:
      "a requirement replaced by a local directory is named after the required module with no " +
      "version (syft's convention), not after the directory path as osv-scalibr does",
  },
];
