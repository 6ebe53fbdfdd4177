import { describe, expect, it } from "vitest";
import type { Package } from "../../types.js";
import { detectRuntimes } from "./detect-runtimes.js";

function pkg(type: string, name: string, version: string): Package {
  const purl = `pkg:${type}/${name}@${version}`;
  return { name, version, type, purl, foundBy: "test", foundHow: "installed", locations: [] };
}

describe("detectRuntimes from package names", () => {
  it.each([
    ["deb", "nodejs", "18.19.0+dfsg-6~deb12u2", "nodejs", "18.19.0", "18"],
    ["deb", "python3.11", "3.11.2-6+deb12u5", "python", "3.11.2", "3.11"],
    ["deb", "openjdk-17-jre-headless", "17.0.13+11-2~deb12u1", "eclipse-temurin", "17.0.13", "17"],
    ["deb", "ruby3.1", "3.1.2-7+deb12u1", "ruby", "3.1.2", "3.1"],
    ["deb", "php8.2-cli", "8.2.26-1~deb12u1", "php", "8.2.26", "8.2"],
    ["deb", "golang-1.19-go", "1.19.8-2", "go", "1.19.8", "1.19"],
    ["apk", "nodejs", "18.20.1-r0", "nodejs", "18.20.1", "18"],
    ["apk", "python3", "3.11.9-r0", "python", "3.11.9", "3.11"],
    ["apk", "openjdk17-jre-headless", "17.0.11_p9-r0", "eclipse-temurin", "17.0.11", "17"],
    ["apk", "php82", "8.2.20-r0", "php", "8.2.20", "8.2"],
    ["apk", "dotnet8-runtime", "8.0.6-r0", "dotnet", "8.0.6", "8.0"],
    [
      "rpm",
      "java-1.8.0-openjdk-headless",
      "1:1.8.0.412.b08-2.el8",
      "eclipse-temurin",
      "1.8.0.412",
      "8",
    ],
    ["rpm", "python39", "3.9.19-1.module+el8.10.0", "python", "3.9.19", "3.9"],
    ["rpm", "dotnet-runtime-6.0", "6.0.33-1.el9_4", "dotnet", "6.0.33", "6.0"],
    ["golang", "stdlib", "go1.19.8", "go", "1.19.8", "1.19"],
  ])("%s %s %s is %s %s (cycle %s)", (type, name, version, product, found, cycle) => {
    expect(detectRuntimes([pkg(type, name, version)])).toMatchObject([
      { product, version: found, cycle, declared: false },
    ]);
  });

  it("leaves libraries and tools out", () => {
    const others = [
      pkg("deb", "libpython3.11", "3.11.2-6"),
      pkg("deb", "python3-six", "1.16.0-4"),
      pkg("golang", "golang.org/x/net", "v0.17.0"),
      pkg("npm", "nodejs", "0.0.1"),
    ];
    expect(detectRuntimes(others)).toEqual([]);
  });

  it("merges packages of one runtime release into one finding with all of them as evidence", () => {
    const found = detectRuntimes([
      pkg("deb", "python3.11", "3.11.2-6"),
      pkg("deb", "python3.11-minimal", "3.11.2-6"),
      pkg("deb", "python3", "3.11.2-1+b1"),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]?.evidence.map((e) => e.purl)).toHaveLength(3);
  });
});
