import { describe, expect, it } from "vitest";
import type { Package } from "../types.js";
import { mergeLockfileDuplicates } from "./merge-lockfile-duplicates.js";

function npm(version: string, foundHow: Package["foundHow"], path: string): Package {
  return {
    name: "ms",
    version,
    type: "npm",
    purl: `pkg:npm/ms@${version}`,
    foundBy: "npm",
    foundHow,
    locations: [{ path, layer: "sha256:aa" }],
    ...(foundHow === "lockfile" ? { metadata: { dependsOn: [] } } : {}),
  };
}

describe("mergeLockfileDuplicates", () => {
  it("keeps the installed copy with the lockfile's location and links", () => {
    const installed = npm("2.1.3", "installed", "/app/node_modules/ms/package.json");
    const locked = npm("2.1.3", "lockfile", "/app/package-lock.json");
    const merged = mergeLockfileDuplicates([installed, locked]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.locations.map((l) => l.path)).toEqual([
      "/app/node_modules/ms/package.json",
      "/app/package-lock.json",
    ]);
    expect(merged[0]?.metadata?.dependsOn).toEqual([]);
  });

  it("keeps a locked version that is not installed, and a lockfile of another project", () => {
    const installed = npm("2.1.3", "installed", "/app/node_modules/ms/package.json");
    const otherVersion = npm("2.1.2", "lockfile", "/app/package-lock.json");
    const otherProject = npm("2.1.3", "lockfile", "/srv/api/package-lock.json");
    const merged = mergeLockfileDuplicates([installed, otherVersion, otherProject]);
    expect(merged.map((p) => `${p.version} ${p.foundHow} ${p.locations[0]?.path}`)).toEqual([
      "2.1.3 installed /app/node_modules/ms/package.json",
      "2.1.2 lockfile /app/package-lock.json",
      "2.1.3 lockfile /srv/api/package-lock.json",
    ]);
  });
});
