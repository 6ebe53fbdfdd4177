import { PackageURL } from "packageurl-js";
import { describe, expect, it } from "vitest";
import { distroQualifier, formatPurl, osNamespace } from "./purl.js";

describe("formatPurl", () => {
  it("percent-encodes + in versions, as the purl spec requires", () => {
    const purl = formatPurl({
      type: "deb",
      namespace: "debian",
      name: "libc6",
      version: "2.36-9+deb12u4",
      qualifiers: { arch: "amd64", distro: "debian-12", upstream: undefined },
    });
    expect(purl).toBe("pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12");
    expect(PackageURL.fromString(purl).version).toBe("2.36-9+deb12u4");
  });

  it("encodes + in names and qualifier values, and drops empty qualifiers", () => {
    const purl = formatPurl({
      type: "deb",
      name: "libstdc++6",
      version: "12.2.0-14",
      qualifiers: { arch: "", upstream: "gcc-12@12.2.0-14+b1" },
    });
    expect(purl).toBe("pkg:deb/libstdc%2B%2B6@12.2.0-14?upstream=gcc-12%4012.2.0-14%2Bb1");
    expect(PackageURL.fromString(purl).qualifiers).toEqual({ upstream: "gcc-12@12.2.0-14+b1" });
  });
});

describe("distro qualifier and namespace", () => {
  it("joins id and version id, or uses the id alone", () => {
    expect(distroQualifier({ id: "alpine", versionId: "3.10.2" })).toBe("alpine-3.10.2");
    expect(distroQualifier({ id: "arch" })).toBe("arch");
    expect(distroQualifier(undefined)).toBeUndefined();
  });

  it("falls back to the format's vendor without a distro", () => {
    expect(osNamespace(undefined, "debian")).toBe("debian");
    expect(osNamespace({ id: "ubuntu" }, "debian")).toBe("ubuntu");
  });
});
