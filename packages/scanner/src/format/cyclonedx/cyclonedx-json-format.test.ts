import { describe, expect, it } from "vitest";
import { maskVolatile, readGolden } from "../testdata/golden.js";
import { emptyDirectoryScan, imageScan } from "../testdata/scan-results.js";
import { cyclonedxValidator, schemaErrors } from "../testdata/schemas.js";
import type { FormatContext } from "../types.js";
import { cyclonedxJsonFormat } from "./cyclonedx-json-format.js";

const context: FormatContext = {
  toolName: "lading",
  toolVersion: "0.1.0",
  now: new Date("2024-06-01T12:00:00.000Z"),
};

// biome-ignore lint/suspicious/noExplicitAny: assertions walk parsed JSON of a known shape.
type Json = Record<string, any>;

function write(version?: string, result = imageScan): Json {
  return JSON.parse(cyclonedxJsonFormat.write(result, context, version));
}

function propertiesOf(component: Json): Record<string, string> {
  return Object.fromEntries(component.properties.map((p: Json) => [p.name, p.value]));
}

describe("cyclonedx-json", () => {
  it.each(["1.6", "1.5"])("writes a document valid against the official %s schema", (v) => {
    expect(schemaErrors(cyclonedxValidator(v), write(v))).toEqual([]);
    expect(schemaErrors(cyclonedxValidator(v), write(v, emptyDirectoryScan))).toEqual([]);
  });

  it("writes spec 1.6 unless asked otherwise", () => {
    expect(write().specVersion).toBe("1.6");
    expect(write("1.5").specVersion).toBe("1.5");
  });

  it.each(["1.6", "1.5"])("matches the golden %s document, volatile fields masked", (v) => {
    const text = maskVolatile(cyclonedxJsonFormat.write(imageScan, context, v), ["serialNumber"]);
    expect(text).toBe(readGolden(`cyclonedx-${v}.json`, text));
  });

  it("gives every document a fresh urn:uuid serial number", () => {
    const [a, b] = [write().serialNumber, write().serialNumber];
    expect(a).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });

  it("describes the image as a container component with its platform and labels", () => {
    const { metadata } = write();
    expect(metadata.timestamp).toBe("2024-06-01T12:00:00.000Z");
    expect(metadata.tools.components).toEqual([
      expect.objectContaining({ type: "application", name: "lading", version: "0.1.0" }),
    ]);
    expect(metadata.component).toMatchObject({
      type: "container",
      name: "registry.example/lading/fixture:1.0",
      version: imageScan.image?.configDigest,
      hashes: [{ alg: "SHA-256", content: imageScan.image?.configDigest.slice(7) }],
    });
    expect(propertiesOf(metadata.component)).toMatchObject({
      "lading:image:os": "linux",
      "lading:image:architecture": "amd64",
      "lading:image:label:org.opencontainers.image.version": "1.0",
      "lading:image:layer:2:diffId": imageScan.image?.layers[2].diffId,
    });
  });

  it("carries purl, layer, locations, licence and supplier on each package", () => {
    const libc = write().components.find((c: Json) => c.name === "libc6");
    expect(libc).toMatchObject({
      type: "library",
      version: "2.36-9+deb12u4",
      purl: "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&upstream=glibc&distro=debian-12",
      "bom-ref": "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&upstream=glibc&distro=debian-12",
      supplier: {
        name: "GNU Libc Maintainers",
        contact: [{ name: "GNU Libc Maintainers", email: "debian-glibc@lists.debian.org" }],
      },
    });
    expect(propertiesOf(libc)).toMatchObject({
      "lading:layer:diffId": imageScan.packages[2].layer,
      "lading:location:0:path": "/var/lib/dpkg/status",
      "lading:location:1:path": "/var/lib/dpkg/info/libc6:amd64.list",
      "lading:package:sourceName": "glibc",
    });
  });

  it("writes licences as SPDX ids, expressions or names, all declared", () => {
    const byName = (name: string) => write().components.find((c: Json) => c.name === name);
    expect(byName("musl").licenses).toEqual([
      { license: { id: "MIT", acknowledgement: "declared" } },
    ]);
    expect(byName("node-forge").licenses).toEqual([
      { expression: "(BSD-3-Clause OR GPL-2.0)", acknowledgement: "declared" },
    ]);
    expect(byName("openssl-libs").licenses).toEqual([
      { license: { name: "ASL 2.0", acknowledgement: "declared" } },
    ]);
    expect(write("1.5").components.find((c: Json) => c.name === "musl").licenses).toEqual([
      { license: { id: "MIT" } },
    ]);
  });

  it("keeps a package found twice as two components with distinct bom-refs", () => {
    const lodash = write().components.filter((c: Json) => c.name === "lodash");
    expect(lodash.map((c: Json) => c["bom-ref"])).toEqual([
      "pkg:npm/lodash@4.17.21",
      "pkg:npm/lodash@4.17.21|/app/vendor/node_modules/lodash/package.json",
    ]);
  });

  it("adds the distro as an operating-system component the image depends on", () => {
    const bom = write();
    const os = bom.components.find((c: Json) => c.type === "operating-system");
    expect(os).toMatchObject({ name: "debian", version: "12" });
    const root = bom.dependencies.find((d: Json) => d.ref === bom.metadata.component["bom-ref"]);
    const refs = bom.components.map((c: Json) => c["bom-ref"]).sort();
    expect([...root.dependsOn].sort()).toEqual(refs);
    expect(refs).toHaveLength(imageScan.packages.length + 1);
  });

  it("records unknowns as BOM properties, with their count", () => {
    const props = propertiesOf(write().metadata);
    expect(props["lading:unknowns:count"]).toBe("2");
    expect(props).toMatchObject({
      "lading:unknown:0:path": "/var/lib/dpkg/status.d/broken",
      "lading:unknown:0:cataloger": "dpkg",
      "lading:unknown:0:reason": 'record 3: no "Package:" field',
      "lading:unknown:1:reason": "file larger than 4 MiB",
    });
  });

  it("names a directory scan by its path, as a file component", () => {
    const bom = write(undefined, emptyDirectoryScan);
    expect(bom.metadata.component).toMatchObject({ type: "file", name: "/srv/empty" });
    expect(bom.components ?? []).toEqual([]);
    expect(propertiesOf(bom.metadata)["lading:unknowns:count"]).toBe("0");
  });
});
