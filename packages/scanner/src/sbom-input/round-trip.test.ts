import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { cyclonedxJsonFormat } from "../format/cyclonedx/cyclonedx-json-format.js";
import { jsonFormat } from "../format/json/json-format.js";
import { spdxJsonFormat } from "../format/spdx/spdx-json-format.js";
import { imageScan } from "../format/testdata/scan-results.js";
import type { FormatContext } from "../format/types.js";
import { scan } from "../scan.js";
import type { Package, ScanResult } from "../types.js";
import { readSbom } from "./read-sbom.js";

// Lading's own outputs read back: every format must give the packages it was written from.

const context: FormatContext = { toolName: "lading", toolVersion: "0.1.0", now: new Date() };
const writers = [
  ["cyclonedx-json@1.6", (r: ScanResult) => cyclonedxJsonFormat.write(r, context, "1.6")],
  ["cyclonedx-json@1.5", (r: ScanResult) => cyclonedxJsonFormat.write(r, context, "1.5")],
  ["spdx-json@2.3", (r: ScanResult) => spdxJsonFormat.write(r, context)],
  ["json", (r: ScanResult) => jsonFormat.write(r, context)],
] as const;

function identity(packages: readonly Package[]): string[] {
  return packages.map((p) => `${p.name}|${p.version}|${p.purl}|${p.layer ?? ""}`).sort();
}

describe("round trip of a real image: scan alpine 3.10, write, read back", () => {
  let scanned: ScanResult;
  beforeAll(async () => {
    const archive = fileURLToPath(
      new URL("../../../../examples/alpine-310.tar.gz", import.meta.url),
    );
    scanned = await scan(`docker-archive:${archive}`);
  });

  it.each(writers)("%s gives the same packages: name, version, purl, layer", (_, write) => {
    const read = readSbom(write(scanned));
    expect(scanned.packages.length).toBeGreaterThan(10);
    expect(identity(read.packages)).toEqual(identity(scanned.packages));
    expect(read.distro).toMatchObject({ id: "alpine", versionId: scanned.distro?.versionId });
    expect(read.image?.configDigest).toBe(scanned.image?.configDigest);
    expect(read.source).toEqual(scanned.source);
  });

  it.each(writers)("%s keeps the source package of each OS package built from another", (_, w) => {
    // Distro advisories name source packages (openssl, not libcrypto1.1): an SBOM read back
    // without its source packages would miss what they fix. SPDX carries them only in the purl's
    // `upstream` qualifier.
    const sources = (packages: readonly Package[]) =>
      packages
        .filter((p) => p.source && p.source.name !== p.name)
        .map((p) => `${p.name} <- ${p.source?.name}`)
        .sort();
    const expected = sources(scanned.packages);
    expect(expected).toContain("libcrypto1.1 <- openssl");
    expect(sources(readSbom(w(scanned)).packages)).toEqual(expected);
  });

  it.each(writers.filter(([name]) => name.startsWith("cyclonedx")))(
    "%s keeps the image's build date and its layer's history, for age checks",
    (_, write) => {
      const read = readSbom(write(scanned));
      // The alpine 3.10 image was built on 2020-01-23; its one layer is an ADD of the rootfs.
      expect(read.image?.created).toBe("2020-01-23T16:53:06.686519038Z");
      expect(read.image?.history).toEqual([
        {
          created: "2020-01-23T16:53:06.551172402Z",
          createdBy: scanned.image?.layers[0]?.createdBy,
          emptyLayer: false,
        },
      ]);
      expect(read.image?.layers[0]?.createdBy).toMatch(/^\/bin\/sh -c #\(nop\) ADD file:/);
    },
  );
});

// CycloneDX output is sorted by bom-ref, so packages are compared in one order.
function sorted(packages: readonly Package[]): Package[] {
  const key = (p: Package) => `${p.purl}|${p.locations[0]?.path ?? ""}`;
  return [...packages].sort((a, b) => key(a).localeCompare(key(b)));
}

describe("round trip of the format fixture (licences, maintainers, unknowns, two lodash copies)", () => {
  const fields = (p: Package) => ({
    name: p.name,
    version: p.version,
    purl: p.purl,
    type: p.type,
    foundBy: p.foundBy,
    layer: p.layer,
    locations: p.locations,
    licenses: p.licenses,
  });

  it.each(writers)("%s keeps package facts and the unknowns", (_, write) => {
    const read = readSbom(write(imageScan));
    expect(sorted(read.packages).map(fields)).toEqual(sorted(imageScan.packages).map(fields));
    expect(read.unknowns).toEqual(imageScan.unknowns);
  });

  it.each(writers.slice(0, 2))(
    "%s keeps how, arch, source, dev, maintainer and the image",
    (_, write) => {
      const read = readSbom(write(imageScan));
      const more = (p: Package) => [
        p.foundHow,
        p.arch,
        p.source,
        p.dev,
        p.maintainer,
        p.description,
      ];
      expect(sorted(read.packages).map(more)).toEqual(sorted(imageScan.packages).map(more));
      const image = imageScan.image as NonNullable<ScanResult["image"]>;
      // CycloneDX keeps each layer's diff ID, instruction and date, not blob digests or sizes,
      // and only the history entries that made a layer.
      const layers = image.layers.map(({ index, diffId, createdBy }) => ({
        index,
        digest: diffId,
        diffId,
        ...(createdBy ? { createdBy } : {}),
      }));
      const history = image.history.filter((h) => !h.emptyLayer);
      expect(read.image).toEqual({ ...image, layers, history });
      expect(read.distro).toEqual(imageScan.distro);
    },
  );

  it("Lading JSON gives back the result exactly, timings included", () => {
    const read = readSbom(jsonFormat.write(imageScan, context));
    expect({ ...read, timings: imageScan.timings }).toEqual(imageScan);
  });
});
