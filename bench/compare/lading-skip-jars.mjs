#!/usr/bin/env node
/**
 * `lading sbom SOURCE -o json=OUT --no-cache` with `.jar` files skipped, as Trivy's
 * `--skip-files '**\/*.jar'` skips them: the same scan through the built scanner library, with the
 * Java cataloger asking for every archive it reads except `.jar` (skip-jars-catalogers.mjs; it
 * still reads .war, .ear and the rest, as Trivy still does). The CLI has no flag for this, and
 * the benchmark must compare like with like, so this is the benchmark's own entry point; it adds
 * nothing to the scan.
 *
 * Usage: node bench/compare/lading-skip-jars.mjs SOURCE OUT [--reader-threads]
 *   --reader-threads  reads the layers in worker threads (`readerThreads`).
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dist = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "packages",
  "scanner",
  "dist",
);
// The narrow entry the CLI's `sbom` uses: the main one also loads matching and validation.
const { findFormat, scan } = await import(join(dist, "sbom.js"));
const [source, out, ...flags] = process.argv.slice(2);
// The list comes as a module, which the scanner's worker threads can load again.
const catalogerModule = new URL("./skip-jars-catalogers.mjs", import.meta.url).href;
const readerThreads = flags.includes("--reader-threads");
const result = await scan(source, { catalogerModule, readerThreads });
const { format } = findFormat("json");
writeFileSync(
  out,
  format.write(result, { toolName: "lading", toolVersion: "bench", now: new Date() }),
);
