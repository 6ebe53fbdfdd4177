import { describe, expect, it } from "vitest";
import { parseChallenges } from "./challenge.js";
import { hostPlatform } from "./platform.js";
import { apiHost, formatReference, isLoopbackHost, parseReference } from "./reference.js";

const DIGEST = `sha256:${"a".repeat(64)}`;

describe("parseReference", () => {
  it.each([
    ["alpine", "docker.io/library/alpine:latest"],
    ["alpine:3.10", "docker.io/library/alpine:3.10"],
    ["library/alpine", "docker.io/library/alpine:latest"],
    ["bitnami/redis:7", "docker.io/bitnami/redis:7"],
    ["index.docker.io/library/alpine", "docker.io/library/alpine:latest"],
    ["localhost/alpine:3.10", "localhost/alpine:3.10"],
    ["127.0.0.1:5000/test/debian:bookworm", "127.0.0.1:5000/test/debian:bookworm"],
    ["ghcr.io/a/b/c", "ghcr.io/a/b/c:latest"],
    [`alpine@${DIGEST}`, `docker.io/library/alpine@${DIGEST}`],
    [`quay.io/x/y:1@${DIGEST}`, `quay.io/x/y:1@${DIGEST}`],
  ])("normalises %s as Docker does", (text, full) => {
    const ref = parseReference(text);
    expect(ref && formatReference(ref)).toBe(full);
  });

  it.each(["Alpine", "alpine:", "a//b", "-a", "alpine@sha256:short", "a:b:c", "", "./x"])(
    "refuses %s",
    (text) => expect(parseReference(text)).toBeUndefined(),
  );

  it("knows Docker Hub's API host and loopback hosts", () => {
    expect(apiHost("docker.io")).toBe("registry-1.docker.io");
    expect(apiHost("127.0.0.1:5000")).toBe("127.0.0.1:5000");
    expect(["localhost:5000", "127.0.0.1", "127.9.0.1:1", "[::1]:5000"].every(isLoopbackHost)).toBe(
      true,
    );
    expect(["example.com", "10.0.0.1:5000", "localhost.example"].some(isLoopbackHost)).toBe(false);
  });
});

describe("parseChallenges", () => {
  it("reads a bearer challenge with quoted, comma-holding values", () => {
    const header =
      'Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull,push"';
    expect(parseChallenges(header)).toEqual([
      {
        scheme: "bearer",
        params: {
          realm: "https://auth.example/token",
          service: "registry.example",
          scope: "repository:a/b:pull,push",
        },
      },
    ]);
  });

  it("reads basic and several challenges in one header", () => {
    expect(parseChallenges('Basic realm="x"')).toEqual([
      { scheme: "basic", params: { realm: "x" } },
    ]);
    const both = parseChallenges('Basic realm="a", Bearer realm="b",service=s');
    expect(both.map((c) => c.scheme)).toEqual(["basic", "bearer"]);
    expect(both[1]?.params).toEqual({ realm: "b", service: "s" });
    expect(parseChallenges(undefined)).toEqual([]);
  });
});

describe("hostPlatform", () => {
  it("names Node's architectures as OCI does", () => {
    expect(hostPlatform("x64")).toBe("linux/amd64");
    expect(hostPlatform("arm64")).toBe("linux/arm64");
    expect(hostPlatform("ia32")).toBe("linux/386");
  });
});
