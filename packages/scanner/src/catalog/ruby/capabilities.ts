import type { CorpusCapability } from "../capability.js";

/** Ruby corpus cases read differently from the upstream tool's test, and why. */
export const rubyCapabilities: CorpusCapability[] = [
  {
    case: "cdxgen-Gemfile6.lock",
    status: "differs",
    reason:
      "cdxgen counts each platform build of a gem (nokogiri 1.13.1 for x86_64-linux and for arm64-darwin) apart; Lading lists each name@version once per lockfile, as advisories name the release, not the build.",
    yields: 132,
  },
];
