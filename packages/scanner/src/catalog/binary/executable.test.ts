import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBuildInfo } from "../go/buildinfo.js";
import { readAddress, readExecutable, sectionData } from "./executable.js";
import { writeElf } from "./testdata/elf-writer.js";
import { writeMachO, writePe } from "./testdata/macho-pe-writer.js";

const goBinary = readFileSync(join(import.meta.dirname, "../go/testdata/hello-go-linux-amd64"));

/** The inline (Go 1.18+) build info block of the real Go fixture: header plus both strings. */
function realBuildInfo(): Buffer {
  const exe = readExecutable(goBinary);
  const data = exe && sectionData(exe, ".go.buildinfo");
  if (!data) throw new Error("fixture has no .go.buildinfo");
  return Buffer.from(data);
}

describe("executable section readers", () => {
  it("reads the sections of a real Go ELF binary", () => {
    const exe = readExecutable(goBinary);
    expect(exe?.format).toBe("elf");
    expect(exe?.sections.map((s) => s.name)).toEqual(
      expect.arrayContaining([".text", ".go.buildinfo", ".rodata"]),
    );
  });

  it.each([
    ["macho", writeMachO, "__go_buildinfo"],
    ["pe", writePe, ".data"],
    ["elf", writeElf, ".go.buildinfo"],
  ] as const)("finds Go build info in a %s file", (format, write, section) => {
    const file = write([
      { name: "__text", data: Buffer.alloc(40, 0x90) },
      { name: section, data: realBuildInfo() },
    ]);
    expect(readExecutable(file)?.format).toBe(format);
    expect(readBuildInfo(file)?.modInfo).toContain("dep\tgithub.com/google/uuid\tv1.3.0");
  });

  it("maps virtual addresses through the section table", () => {
    const pe = readExecutable(writePe([{ name: ".rdata", data: Buffer.from("hello, section") }]));
    const section = pe?.sections[0];
    expect(section?.addr).toBeGreaterThan(0x140000000);
    expect(pe && section && readAddress(pe, section.addr + 7, 7)?.toString()).toBe("section");
    expect(pe && readAddress(pe, 0x10, 4)).toBeUndefined();
  });

  it("does not take a Java class file (same magic as a fat Mach-O) for an executable", () => {
    const klass = Buffer.alloc(64);
    klass.writeUInt32BE(0xcafebabe, 0);
    klass.writeUInt32BE(0x00000041, 4);
    expect(readExecutable(klass)).toBeUndefined();
  });

  it("returns undefined for text and a too-short file, no sections for a table past the end", () => {
    expect(readExecutable(Buffer.from("#!/bin/sh\n".repeat(10)))).toBeUndefined();
    expect(readExecutable(goBinary.subarray(0, 40))).toBeUndefined();
    const badTable = writeElf([{ name: ".data", data: Buffer.alloc(8) }]);
    badTable.writeBigUInt64LE(0xffffffffn, 0x28);
    expect(readExecutable(badTable)?.sections).toEqual([]);
  });
});
