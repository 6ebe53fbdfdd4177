/**
 * Scans the real Debian test image (three layers: debootstrap minbase, apt-get install, purge and
 * rm -rf) in each form it is stored in, and checks the result against what dpkg-query reported
 * inside the rootfs while the image was built.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { catalogers } from "../packages/scanner/src/catalog/registry.js";
import type { Cataloger } from "../packages/scanner/src/catalog/types.js";
import type { FileTree } from "../packages/scanner/src/filetree/file-tree.js";
import { scan } from "../packages/scanner/src/scan.js";
import type { Package, ScanResult } from "../packages/scanner/src/types.js";
import { expectedDebPurl, splitPurl } from "./support/deb-purl.js";
import {
  describeWithTestImages,
  type ExpectedPackage,
  expectedLayerIndex,
  type ImageForm,
  imageForms,
  loadTestImages,
  type TestImages,
} from "./support/test-images.js";

const withImages = describeWithTestImages("the Debian image tests");

// Loaded once the suite runs, so that collecting tests never builds an image.
let images: TestImages;
let forms: ImageForm[] = [];

/** Keeps the squashed tree the scan built, through the public cataloger contract. */
function treeProbe(keep: (tree: FileTree) => void): Cataloger {
  return {
    name: "test-tree-probe",
    maxFileSize: 0,
    wants: () => false,
    catalog(context) {
      keep(context.tree);
      return { packages: [], unknowns: [] };
    },
  };
}

const finalPackages = () => images.layerPackages[images.layerPackages.length - 1] ?? [];

withImages("the Debian test image", () => {
  beforeAll(() => {
    images = loadTestImages();
    forms = imageForms(images);
  });

  it("was built with packages installed in layer 2 and one purged in layer 3", () => {
    const [base, installed, purged] = images.layerPackages.map((l) => l.map((p) => p.name));
    expect(installed?.length).toBeGreaterThan(base?.length ?? 0);
    for (const name of images.manifest.purged) {
      expect(installed).toContain(name);
      expect(purged).not.toContain(name);
    }
  });

  for (const formName of ["oci-dir", "oci-archive", "docker-archive", "docker-archive (gzip)"]) {
    describe(formName, () => {
      let form: ImageForm;
      let result: ScanResult;
      let tree: FileTree | undefined;
      let debs: Map<string, Package>;

      beforeAll(async () => {
        form = forms.find((f) => f.name === formName) as ImageForm;
        const probe = treeProbe((t) => {
          tree = t;
        });
        result = await scan(form.reference, { catalogers: [...catalogers, probe] });
        debs = new Map(result.packages.filter((p) => p.type === "deb").map((p) => [p.name, p]));
      });

      it("finds exactly the installed dpkg packages, with their versions", () => {
        const found = [...debs.values()].map((p) => `${p.name} ${p.version} ${p.arch}`).sort();
        const expected = finalPackages()
          .map((p) => `${p.name} ${p.version} ${p.arch}`)
          .sort();
        expect(found).toEqual(expected);
        expect(result.packages.filter((p) => p.type === "deb")).toHaveLength(expected.length);
      });

      it("gives each package its source package and the purl the spec prescribes", () => {
        for (const expected of finalPackages()) {
          const pkg = debs.get(expected.name) as Package;
          expect(splitPurl(pkg.purl), pkg.name).toEqual(expectedDebPurl(expected, "debian-12"));
          expect(pkg.source?.name ?? pkg.name, pkg.name).toBe(expected.sourceName);
          expect(pkg.source?.version ?? pkg.version, pkg.name).toBe(expected.sourceVersion);
        }
      });

      it("writes the + of a Debian version as %2B in the purl", () => {
        const plus = finalPackages().filter((p) => p.version.includes("+"));
        expect(plus.length).toBeGreaterThan(0);
        for (const p of plus) expect(debs.get(p.name)?.purl).toContain("%2B");
      });

      it("attributes each package to the layer that installed it", () => {
        const layerOf = (p: ExpectedPackage) =>
          images.manifest.layers[expectedLayerIndex(images.layerPackages, p)]?.diffId;
        const found = finalPackages().map((p) => [p.name, debs.get(p.name)?.layer]);
        expect(found).toEqual(finalPackages().map((p) => [p.name, layerOf(p)]));
        const layers = new Set(found.map(([, layer]) => layer));
        expect(layers.size, "packages come from the base and the install layer").toBe(2);
      });

      it("locates each package in the dpkg status file of the top layer", () => {
        const top = images.manifest.layers[images.manifest.layers.length - 1]?.diffId;
        for (const pkg of debs.values()) {
          expect(pkg.locations[0], pkg.name).toEqual({ path: "/var/lib/dpkg/status", layer: top });
        }
      });

      it("lists the files each package owns", () => {
        expect(debs.get("curl")?.files).toContain("/usr/bin/curl");
        expect(debs.get("dpkg")?.files).toContain("/usr/bin/dpkg");
      });

      it("leaves out the purged package and reads nothing it could not", () => {
        for (const name of images.manifest.purged) expect(debs.has(name)).toBe(false);
        expect(result.unknowns).toEqual([]);
      });

      it("honours the whiteouts: deleted and purged paths are gone, the rest is there", () => {
        const squashed = tree as FileTree;
        for (const path of [...images.manifest.deleted, ...images.purgedFiles]) {
          expect(squashed.lstat(path), path).toBeUndefined();
        }
        expect(images.purgedFiles).toContain("/usr/bin/less");
        expect(squashed.lstat("/usr/bin/dpkg")?.layerIndex).toBe(0);
        expect(squashed.lstat("/usr/bin/curl")?.layerIndex).toBe(1);
        expect(squashed.lstat("/var/lib/dpkg/status")?.layerIndex).toBe(2);
        expect(squashed.lstat("/usr/share/doc/curl")?.type).toBe("dir");
        expect(squashed.lstat("/var/lib/apt")?.type).toBe("dir");
      });

      it("follows the symlink layer 3 rewrote, inside the image", () => {
        const squashed = tree as FileTree;
        expect(squashed.lstat("/etc/alternatives/pager")).toMatchObject({
          type: "symlink",
          layerIndex: 2,
        });
        expect(squashed.realPath("/etc/alternatives/pager")).toBe("/usr/bin/more");
      });

      it("detects Debian 12", () => {
        expect(result.distro).toMatchObject({ id: "debian", versionId: "12" });
      });

      it("keeps the image metadata", () => {
        const { manifest } = images;
        const image = result.image;
        expect(image?.configDigest).toBe(manifest.configDigest);
        expect(image?.os).toBe(manifest.os);
        expect(image?.architecture).toBe(manifest.architecture);
        expect(image?.labels).toEqual(manifest.labels);
        expect(image?.repoTags).toEqual(form.repoTags);
        if (form.hasManifestDigest) expect(image?.manifestDigest).toBe(manifest.manifestDigest);
        expect(image?.history.map((h) => [h.createdBy, h.emptyLayer])).toEqual(
          manifest.history.map((h) => [h.createdBy, h.emptyLayer]),
        );
      });

      it("describes each layer: diff ID, stored digest and the step that made it", () => {
        const layers = result.image?.layers.map((l) => [l.index, l.diffId, l.digest, l.createdBy]);
        const expected = images.manifest.layers.map((l) => [
          l.index,
          l.diffId,
          form.compressedLayers ? l.ociDigest : l.diffId,
          l.createdBy,
        ]);
        expect(layers).toEqual(expected);
      });
    });
  }
});
