import type { ScanResult } from "@lading/scanner";
import { describe, expect, it } from "vitest";
import { scannerReader } from "../sbom/scanner-port.js";
import { fixture } from "../test-harness/fixtures.js";
import { createRecentReads } from "./recent-reads.js";

const read = (name: string): ScanResult => {
  const text = fixture(name);
  return scannerReader.read(text, JSON.parse(text)).result;
};

describe("recent reads", () => {
  const alpine = read("alpine-310.cdx.json");
  const debian = read("debian-12.cdx.json");

  it("hands a kept result over once", () => {
    const reads = createRecentReads();
    reads.keep("s1", alpine);
    expect(reads.take("s1")).toBe(alpine);
    expect(reads.take("s1")).toBeUndefined();
  });

  it("drops the oldest beyond its limit", () => {
    const reads = createRecentReads(2);
    reads.keep("s1", alpine);
    reads.keep("s2", debian);
    reads.keep("s3", alpine);
    expect(reads.take("s1")).toBeUndefined();
    expect(reads.take("s2")).toBe(debian);
    expect(reads.take("s3")).toBe(alpine);
  });
});
