import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { distroFromFields, parseOsRelease } from "../catalog/distro/parse-os-release.js";
import { distroCycle } from "./distro-cycle.js";

// The corpus os-release files the distro detector's tests already carry.
const osReleases = join(import.meta.dirname, "../catalog/distro/testdata");

function distroOf(dir: string, file = "etc/os-release") {
  const distro = distroFromFields(
    parseOsRelease(readFileSync(join(osReleases, dir, file), "utf8")),
  );
  if (!distro) throw new Error(`${dir}: no distro`);
  return distro;
}

describe("distroCycle on real os-release files", () => {
  it.each([
    ["claircore-alpine-3.10", "alpine", "3.10"],
    ["claircore-alpine-3.11", "alpine", "3.11"],
    ["claircore-debian-10", "debian", "10"],
    ["claircore-debian-12", "debian", "12"],
    ["claircore-ubuntu-18.04", "ubuntu", "18.04"],
    ["claircore-rhel-8", "rhel", "8"],
    ["syft-amazon", "amazon-linux", "2"],
    ["syft-opensuse-leap", "opensuse", "15.2"],
    ["syft-rockylinux-from-os-release", "rocky-linux", "8"],
  ])("%s → %s %s", (dir, product, cycle) => {
    expect(distroCycle(distroOf(dir))).toEqual({ product, cycle });
  });

  it("maps CentOS Linux and CentOS Stream apart", () => {
    expect(distroCycle(distroOf("syft-centos", "usr/lib/os-release"))).toEqual({
      product: "centos",
      cycle: "8",
    });
    const stream = { id: "centos", versionId: "9", name: "CentOS Stream" };
    expect(distroCycle(stream)).toEqual({ product: "centos-stream", cycle: "9" });
  });

  it("has no cycle for a release without a number", () => {
    expect(distroCycle(distroOf("claircore-alpine-edge"))).toBeUndefined();
    expect(distroCycle({ id: "debian", versionCodename: "trixie" })).toBeUndefined();
    expect(distroCycle({ id: "plan9", versionId: "4" })).toBeUndefined();
  });

  it("reads Amazon Linux 1's dated release as cycle 1", () => {
    expect(distroCycle({ id: "amzn", versionId: "2018.03" })).toEqual({
      product: "amazon-linux",
      cycle: "1",
    });
  });
});
