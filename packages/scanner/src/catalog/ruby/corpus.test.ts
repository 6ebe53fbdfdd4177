import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defineCorpusTests } from "../corpus-suite.js";
import { rubyCapabilities } from "./capabilities.js";
import { rubyCataloger } from "./ruby-cataloger.js";

const root = join(import.meta.dirname, "testdata/corpus");

/** A gemspec where RubyGems installs it; anything else is a project's Gemfile.lock. */
function imagePath(caseName: string, file: string): string {
  if (file.endsWith(".gemspec")) return `/usr/local/bundle/specifications/${file}`;
  return /lock/i.test(caseName) ? "/app/Gemfile.lock" : `/app/${file}`;
}

describe("ruby corpus", () => {
  defineCorpusTests(
    { root, cataloger: rubyCataloger, capabilities: rubyCapabilities, imagePath },
    { it, expect },
  );
});
