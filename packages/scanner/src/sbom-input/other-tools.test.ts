import { describe, expect, it } from "vitest";
import { readSbom } from "./read-sbom.js";
import { readFixture } from "./testdata/read-fixture.js";

// SBOMs written by syft and Trivy, from their own test data (provenance in
// packages/scanner/testdata/PROVENANCE.md).

const read = (name: string) => readSbom(readFixture(`tools/${name}`));
const trivyApp = "sha256:3c79e832b1b4891a1cb4a326ef8524e0bd14a2537150ac0e203a5677176c1ca1";
const trivyBase = "sha256:dd565ff850e7003356e2b252758f9bdc1ff2803f61e995e24c7844f6297f8fc3";

describe("Trivy CycloneDX 1.5 of an image", () => {
  const result = read("trivy-image-1.5.cdx.json");

  it("reads the image: ID, tag and layers from Trivy's properties", () => {
    expect(result.image).toMatchObject({
      configDigest: "sha256:49193a2310dbad4c02382da87ac624a80a92387a4f7536235f9ba590e5bcd7b5",
      repoTags: ["maven-test-project:latest"],
      layers: [
        { index: 0, digest: trivyBase, diffId: trivyBase },
        { index: 1, digest: trivyApp, diffId: trivyApp },
      ],
    });
    expect(result.distro).toEqual({ id: "alpine", versionId: "3.16.0" });
  });

  it("keeps packages, not Trivy's lockfile and binary targets", () => {
    expect(result.packages.map((p) => p.purl)).toEqual([
      "pkg:apk/alpine/musl@1.2.3-r0?distro=3.16.0",
      "pkg:maven/org.codehaus.mojo/child-project@1.0",
      "pkg:maven/com.example/example@0.0.1",
      "pkg:npm/@example/bootstrap@5.0.2",
      "pkg:composer/pear/log@1.13.1",
      "pkg:composer/pear/pear_exception@v1.0.0",
      "pkg:golang/github.com/package-url/packageurl-go@v0.1.1-0.20220203205134-d70459300c8a",
    ]);
    expect(result.unknowns).toEqual([]);
  });

  it("takes layer and location from LayerDiffID, FilePath or the target that lists it", () => {
    const byName = (name: string) => result.packages.find((p) => p.name === name);
    expect(byName("musl")).toMatchObject({ type: "apk", layer: trivyBase, licenses: ["MIT"] });
    expect(byName("@example/bootstrap")?.locations).toEqual([
      { path: "/app/app/package.json", layer: trivyApp },
    ]);
    expect(byName("pear/log")).toMatchObject({
      layer: trivyApp,
      locations: [{ path: "/app/composer/composer.lock", layer: trivyApp }],
    });
    expect(byName("musl")?.source).toEqual({ name: "musl", version: "1.2.3-r0" });
  });
});

describe("syft CycloneDX 1.6 of an image", () => {
  const result = read("syft-image-1.6.cdx.json");

  it("reads syft's locations, layer, cataloger and licence", () => {
    expect(result.packages).toEqual([
      {
        name: "commons-io",
        version: "2.13.0",
        type: "maven",
        purl: "pkg:maven/commons-io/commons-io@2.13.0",
        foundBy: "java-archive-cataloger",
        foundHow: "installed",
        layer: "sha256:b16db0883e486a816eec35db03731a6338fdbf0ab3a9d8923d8b031524e650e1",
        locations: [
          {
            path: "/workspace/BOOT-INF/lib/commons-io-2.13.0.jar",
            layer: "sha256:b16db0883e486a816eec35db03731a6338fdbf0ab3a9d8923d8b031524e650e1",
          },
        ],
        licenses: ["Apache-2.0"],
      },
    ]);
  });

  it("names the image by its tag and keeps syft's image labels", () => {
    expect(result.source).toEqual({ kind: "sbom", target: "docker.io/library/demo" });
    expect(result.image?.repoTags).toEqual(["docker.io/library/demo:0.0.1-SNAPSHOT"]);
    expect(result.image?.labels["org.springframework.boot.version"]).toBe("3.5.4");
    expect(result.image?.configDigest).toBe("");
  });
});

describe("syft CycloneDX 1.4 and SPDX 2.2 of a go.mod", () => {
  it.each(["syft-go-mod-1.4.cdx.json", "syft-go-mod-2.2.spdx.json"])("%s", (name) => {
    const result = read(name);
    expect(result.image).toBeUndefined();
    expect(result.source).toEqual({ kind: "sbom", target: "go.mod" });
    expect(result.packages).toEqual([
      expect.objectContaining({
        name: "github.com/wagoodman/go-partybus",
        version: "v0.0.0-20230516145632-8ccac152c651",
        type: "golang",
        purl: "pkg:golang/github.com/wagoodman/go-partybus@v0.0.0-20230516145632-8ccac152c651",
        locations: [{ path: "/go.mod" }],
      }),
    ]);
  });
});

describe("SPDX 2.2 written by another vendor, without purls", () => {
  const result = read("vendor-alpine-3.10-2.2.spdx.json");

  it("keeps each package as generic and says so, resolving LicenseRefs to their text", () => {
    expect(result.packages.map((p) => [p.name, p.purl, p.licenses])).toEqual([
      ["alpine", "pkg:generic/alpine@3.10", undefined],
      ["busybox", "pkg:generic/busybox@1.30.1-r5", ["GPL-2.0"]],
      ["ssl_client", "pkg:generic/ssl_client@1.30.1-r5", ["OpenSSL"]],
    ]);
    expect(result.unknowns.map((u) => u.reason)).toEqual([
      "alpine@3.10: no purl and no ecosystem hint; kept as pkg:generic",
      "busybox@1.30.1-r5: no purl and no ecosystem hint; kept as pkg:generic",
      "ssl_client@1.30.1-r5: no purl and no ecosystem hint; kept as pkg:generic",
    ]);
  });
});

describe("well-formed fields Lading does not use", () => {
  it("are ignored, and a broken purl is rebuilt from the tool's package type", () => {
    const document = JSON.parse(readFixture("tools/syft-image-1.6.cdx.json").toString());
    document.components[0].purl = "not a purl";
    document.components[0].properties.push({ name: "vendor:unheard-of", value: "x" });
    document.metadata.lifecycles = [{ phase: "build" }];
    const [pkg] = readSbom(JSON.stringify(document)).packages;
    expect(pkg.purl).toBe("pkg:maven/commons-io/commons-io@2.13.0");
  });

  it("builds an OS package's purl from syft's type and the distro", () => {
    const document = JSON.parse(readFixture("tools/trivy-image-1.5.cdx.json").toString());
    delete document.components[0].purl;
    document.components[0].properties.push({ name: "aquasecurity:trivy:PkgType", value: "alpine" });
    const [musl] = readSbom(JSON.stringify(document)).packages;
    expect(musl).toMatchObject({
      type: "apk",
      purl: "pkg:apk/alpine/musl@1.2.3-r0?distro=alpine-3.16.0",
    });
  });
});
