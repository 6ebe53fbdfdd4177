import type { CorpusCapability } from "../capability.js";

/** PHP corpus cases read differently from the upstream tool's test, and why. */
export const phpCapabilities: CorpusCapability[] = [
  {
    case: "syft-php-composer.lock",
    status: "differs",
    reason:
      "syft leaves `packages-dev` out of composer.lock; Lading lists them with dev: true, so a report can still choose to hide them.",
    yields: [
      "adoy/fastcgi-client@1.0.2",
      "alcaeus/mongo-php-adapter@1.1.11",
      "behat/gherkin@v4.6.2",
      "codeception/codeception@4.1.6",
    ],
  },
];
