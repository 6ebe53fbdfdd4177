import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Package } from "../../types.js";
import { secdbProvider } from "../testdata/secdb-provider.js";
import { assessBehind } from "./behind-distro.js";

const provider = secdbProvider(
  join(import.meta.dirname, "../testdata/alpine-secdb-v3.10/main.yaml"),
);

function apk(name: string, version: string, origin = name): Package {
  return {
    name,
    version,
    type: "apk",
    purl: `pkg:apk/alpine/${name}@${version}?distro=alpine-3.10.4`,
    foundBy: "apk",
    foundHow: "installed",
    locations: [{ path: "/lib/apk/db/installed" }],
    source: { name: origin },
  };
}

describe("assessBehind with alpine's v3.10 secdb", () => {
  it("counts the fixes newer than the installed version, by source package", () => {
    // secdb busybox fixes: 1.27.2-r4, 1.29.3-r10, 1.30.1-r2.
    const result = assessBehind([apk("ssl_client", "1.29.3-r0", "busybox")], provider);
    expect(result.behind).toEqual([
      {
        name: "ssl_client",
        purl: "pkg:apk/alpine/ssl_client@1.29.3-r0?distro=alpine-3.10.4",
        installed: "1.29.3-r0",
        newestFixed: "1.30.1-r2",
        missedFixes: 2,
        advisories: ["CVE-2018-20679", "CVE-2019-5747"],
      },
    ]);
  });

  it("is not behind at the fixed version itself, and skips packages of no OS type", () => {
    const npm = { ...apk("left-pad", "1.0.0"), type: "npm" };
    const result = assessBehind([apk("musl", "1.1.22-r3"), npm], provider);
    expect(result).toEqual({ checked: 1, behind: [], notCompared: [] });
  });

  it("keeps a version it cannot compare apart, with the reason", () => {
    const result = assessBehind([apk("musl", "not a version!")], provider);
    expect(result.behind).toEqual([]);
    expect(result.notCompared).toHaveLength(1);
    expect(result.notCompared[0]?.purl).toContain("pkg:apk/alpine/musl@");
  });
});
