import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defineCorpusTests } from "../corpus-suite.js";
import { pythonCapabilities } from "./capabilities.js";
import { normalizePypiName } from "./pypi.js";
import { pythonCataloger } from "./python-cataloger.js";

const root = join(import.meta.dirname, "testdata/corpus");
const SITE = "/usr/lib/python3/site-packages";

/** Lockfiles by their tool's file name; bare metadata files inside an info directory. */
const LOCKS: [RegExp, string][] = [
  [/pylock/, "pylock.toml"],
  [/poetry/, "poetry.lock"],
  [/pdm/, "pdm.lock"],
  [/uv/, "uv.lock"],
  [/pipfile/i, "Pipfile.lock"],
];

function imagePath(caseName: string, file: string): string {
  if (/site-packages-.*\.dist-info$/.test(caseName) && !file.includes("/")) {
    return `${SITE}/${caseName.replace(/^.*-site-packages-/, "")}/${file}`;
  }
  if (/site-packages/.test(caseName)) return `${SITE}/${file}`;
  if (caseName.startsWith("scalibr-wheelegg-") || caseName === "cdxgen-METADATA") {
    return metadataPath(file);
  }
  if (/requirements/.test(caseName)) {
    return /requirements/.test(file) ? `/app/${file}` : "/app/requirements.txt";
  }
  const lock = LOCKS.find(([pattern]) => pattern.test(caseName));
  return `/app/${lock ? lock[1] : file}`;
}

/** scalibr's metadata fixtures are bare files; each is laid where pip would have put it. */
function metadataPath(file: string): string {
  if (file.includes("/") || /\.(?:whl|egg)$/.test(file)) return `${SITE}/${file}`;
  if (file.endsWith(".dist-info")) return `${SITE}/${file}/METADATA`;
  if (file === "METADATA" || file === "distinfo_meta") return `${SITE}/pkg.dist-info/METADATA`;
  if (file === "egginfo") return `${SITE}/pkg.egg-info`;
  return `${SITE}/pkg.egg-info/PKG-INFO`;
}

describe("python corpus", () => {
  defineCorpusTests(
    {
      root,
      cataloger: pythonCataloger,
      capabilities: pythonCapabilities,
      imagePath,
      normalizeName: normalizePypiName,
    },
    { it, expect },
  );
});
