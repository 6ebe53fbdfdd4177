import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defineCorpusTests } from "../corpus-suite.js";
import { phpCapabilities } from "./capabilities.js";
import { phpCataloger } from "./php-cataloger.js";

/** installed.json where Composer writes it; any other fixture is a project's composer.lock. */
function imagePath(caseName: string): string {
  return /installed/.test(caseName) ? "/app/vendor/composer/installed.json" : "/app/composer.lock";
}

describe("php corpus", () => {
  defineCorpusTests(
    {
      root: join(import.meta.dirname, "testdata/corpus"),
      cataloger: phpCataloger,
      capabilities: phpCapabilities,
      imagePath: (c) => imagePath(c),
    },
    { it, expect },
  );
});
