/**
 * Debian release codenames as the security tracker names them, to release numbers as
 * os-release `VERSION_ID` gives them (https://www.debian.org/releases/). `sid` and
 * `experimental` have no number.
 */
export const debianReleases: Readonly<Record<string, string>> = {
  squeeze: "6",
  wheezy: "7",
  jessie: "8",
  stretch: "9",
  buster: "10",
  bullseye: "11",
  bookworm: "12",
  trixie: "13",
  forky: "14",
  duke: "15",
};
