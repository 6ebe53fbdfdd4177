import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defineCorpusTests } from "../corpus-suite.js";
import { npmCapabilities } from "./capabilities.js";
import { npmCataloger } from "./npm-cataloger.js";

const root = join(import.meta.dirname, "testdata/corpus");

/** Where a scan would meet each fixture: lockfiles in a project, package.json in node_modules. */
function imagePath(caseName: string, file: string): string {
  // A case laid out as a project tree is mounted as it is.
  if (caseName === "syft-javascript-pkg-lock" || file.includes("/")) return `/app/${file}`;
  if (/-(?:pkg-json|packagejson)-/.test(caseName)) return "/app/node_modules/pkg/package.json";
  if (file === "package.json" || file === "npm-shrinkwrap.json") return `/app/${file}`;
  if (/pnpm/.test(caseName)) return "/app/pnpm-lock.yaml";
  if (/yarn/.test(caseName)) return "/app/yarn.lock";
  if (/bunlock/.test(caseName)) return "/app/bun.lock";
  return "/app/package-lock.json";
}

describe("npm corpus", () => {
  defineCorpusTests(
    { root, cataloger: npmCataloger, capabilities: npmCapabilities, imagePath },
    { it, expect },
  );
});
