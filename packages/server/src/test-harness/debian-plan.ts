/**
 * Inputs for a remediation plan with a rebuild suggestion, from the real Debian test images:
 * SBOMs `lading sbom` writes of the image as a base, of an image derived from it (its layers
 * begin with all of the base's), and of the base as rebuilt later (new layers, gzip at its fixed
 * version), with advisories in the Debian tracker's shape that make gzip and coreutils
 * vulnerable in the base. The server's plan tests and the web UI's plan walk share them.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadTestImages } from "../../../../test/support/test-images.js";
import { loadDerivedImage } from "../../../scanner/src/layers/derived-image.fixture.js";
import { importAdvisories, tempDir } from "./fixtures.js";

const cli = join(import.meta.dirname, "../../../cli/bin/lading.js");
export const GZIP = { installed: "1.12-1", fixed: "1.12-1+deb12u9", id: "CVE-2099-2001" };
export const COREUTILS = { installed: "9.1-1", fixed: "9.1-1+deb12u9", id: "CVE-2099-2002" };

export interface DebianPlanInputs {
  /** A vulnerability database dir holding the two advisories. */
  vulnDb: string;
  /** The SBOMs, as an agent or CI job would upload them. */
  base: string;
  derived: string;
  rebuilt: string;
}

/** Builds (or reuses) the test images and writes the SBOMs and the advisory database. */
export function debianPlanInputs(): DebianPlanInputs {
  const images = loadTestImages();
  const work = tempDir("plan");
  const { dockerArchive } = images.manifest.outputs;
  const base = sbomOf(`docker-archive:${join(images.dir, dockerArchive.path)}`, work);
  const derived = sbomOf(`oci-dir:${loadDerivedImage(images).layout}`, work);
  writeFileSync(join(work, "tracker.json"), tracker());
  const vulnDb = tempDir("plan-db");
  importAdvisories(vulnDb, join(work, "tracker.json"));
  return { vulnDb, base, derived, rebuilt: rebuilt(base) };
}

/** `lading sbom REFERENCE -o cyclonedx-json`. */
function sbomOf(reference: string, dir: string): string {
  const out = join(dir, `${createHash("sha256").update(reference).digest("hex").slice(0, 8)}.json`);
  execFileSync(process.execPath, [cli, "sbom", reference, "-o", `cyclonedx-json=${out}`]);
  return readFileSync(out, "utf8");
}

interface Prop {
  name: string;
  value: string;
}

/** The base as rebuilt later: each layer new (other diff IDs), gzip upgraded to its fix. */
function rebuilt(base: string): string {
  const sbom = JSON.parse(base) as { metadata: { component: { properties: Prop[] } } };
  const diffIds = sbom.metadata.component.properties
    .filter((p) => /^lading:image:layer:\d+:diffId$/.test(p.name))
    .map((p) => p.value);
  let text = base.replaceAll(`gzip@${GZIP.installed}?`, `gzip@${GZIP.fixed}?`);
  text = text.replace(`"version": "${GZIP.installed}"`, `"version": "${GZIP.fixed}"`);
  for (const id of diffIds) {
    const other = `sha256:${createHash("sha256").update(`rebuilt ${id}`).digest("hex")}`;
    text = text.replaceAll(id, other);
  }
  return text;
}

/** The Debian tracker's JSON export, holding only these two advisories for bookworm. */
function tracker(): string {
  const entry = (v: typeof GZIP) => ({
    [v.id]: {
      description: `test ${v.id}`,
      releases: {
        bookworm: {
          status: "resolved",
          fixed_version: v.fixed,
          urgency: "high",
          repositories: { bookworm: v.installed },
        },
      },
    },
  });
  return JSON.stringify({ gzip: entry(GZIP), coreutils: entry(COREUTILS) });
}
