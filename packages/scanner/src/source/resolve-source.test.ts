import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SourceError } from "../errors.js";
import { resolveSource } from "./registry.js";

const dir = mkdtempSync(join(tmpdir(), "lading-resolve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("resolveSource on a bare path", () => {
  it("takes an explicit kind as given", async () => {
    const { source, target } = await resolveSource("docker-archive:/x/y.tar");
    expect([source.kind, target]).toEqual(["docker-archive", "/x/y.tar"]);
  });

  it("names a file no kind recognises and how to learn why", async () => {
    const broken = join(dir, "broken.tar");
    writeFileSync(broken, "not a tar at all");
    const failure = resolveSource(broken);
    await expect(failure).rejects.toThrow(SourceError);
    await expect(failure).rejects.toThrow(
      `${broken} is no image archive Lading can recognise (damaged or truncated?); name its kind to see why, e.g. docker-archive:${broken} or oci-archive:${broken}`,
    );
  });

  it("says a path that names nothing does not exist", async () => {
    await expect(resolveSource(join(dir, "missing.tar"))).rejects.toThrow(
      `no such file or directory: ${join(dir, "missing.tar")}`,
    );
  });
});
