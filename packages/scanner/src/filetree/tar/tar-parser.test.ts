import { execFileSync } from "node:child_process";
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TarEntry, TarFormatError, TarParser } from "./tar-parser.js";

/** What a parse saw: each entry, and the bodies of the files it asked for. */
interface Seen {
  entries: TarEntry[];
  bodies: Map<string, string>;
}

/** Parses `bytes` pushed in chunks of `chunk` bytes, asking for every regular file's body. */
function parse(bytes: Buffer, chunk = bytes.length): Seen {
  const seen: Seen = { entries: [], bodies: new Map() };
  const parser = new TarParser({
    entry(entry) {
      seen.entries.push(entry);
      return entry.flag === "0" && entry.sparseSize === undefined;
    },
    body(entry, content) {
      seen.bodies.set(entry.name, content.toString("utf8"));
    },
  });
  for (let at = 0; at < bytes.length; at += chunk) parser.push(bytes.subarray(at, at + chunk));
  parser.end();
  return seen;
}

const LONG_DIR = `${"deep-directory-name/".repeat(8)}leaf`;
const LONG_TARGET = `../${"t".repeat(150)}`;

/** A small tree with what tar formats disagree on: long names, links, sparse, odd bytes. */
function makeTree(root: string): void {
  mkdirSync(join(root, LONG_DIR), { recursive: true });
  mkdirSync(join(root, "etc"));
  writeFileSync(join(root, "etc/os-release"), "ID=debian\n");
  writeFileSync(join(root, "etc/empty"), "");
  writeFileSync(join(root, `${LONG_DIR}/package.json`), '{"name":"x"}');
  writeFileSync(join(root, "etc/blocks"), "b".repeat(1536));
  writeFileSync(join(root, "etc/ünïcode ✓"), "utf8");
  linkSync(join(root, "etc/os-release"), join(root, "etc/hard"));
  symlinkSync("os-release", join(root, "etc/link"));
  symlinkSync(LONG_TARGET, join(root, "etc/long-link"));
  // Sparse, with more than the four holes an old GNU header's own map holds.
  execFileSync("truncate", ["-s", "8M", join(root, "etc/sparse")]);
  for (let i = 0; i < 6; i++) {
    execFileSync("dd", [
      "if=/dev/urandom",
      `of=${join(root, "etc/sparse")}`,
      "bs=4096",
      "count=1",
      `seek=${i * 300}`,
      "conv=notrunc",
      "status=none",
    ]);
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lading-tar-parser-"));
  makeTree(join(dir, "root"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The tree written by GNU tar; ustar can hold neither a 150-byte link target nor holes. */
function gnuTar(format: string): Buffer {
  const out = join(dir, `${format}.tar`);
  const names = ["etc", LONG_DIR.split("/")[0] as string];
  const flags =
    format === "ustar" ? ["--exclude=etc/long-link", "--exclude=etc/sparse"] : ["--sparse"];
  const root = join(dir, "root");
  execFileSync("tar", [`--format=${format}`, ...flags, "-cf", out, "-C", root, ...names]);
  return readFileSync(out);
}

describe("TarParser on tars written by GNU tar", () => {
  for (const format of ["gnu", "oldgnu", "posix", "ustar"]) {
    it(`reads every entry of a ${format} tar, whatever the chunk size`, () => {
      const bytes = gnuTar(format);
      const whole = parse(bytes);
      const byName = new Map(whole.entries.map((e) => [e.name.replace(/\/$/, ""), e]));
      expect(whole.bodies.get("etc/os-release")).toBe("ID=debian\n");
      expect(whole.bodies.get("etc/empty")).toBe("");
      expect(whole.bodies.get("etc/blocks")).toBe("b".repeat(1536));
      expect(whole.bodies.get("etc/ünïcode ✓")).toBe("utf8");
      expect(whole.bodies.get(`${LONG_DIR}/package.json`)).toBe('{"name":"x"}');
      expect(byName.get("etc/hard")).toMatchObject({ flag: "1", linkName: "etc/os-release" });
      expect(byName.get("etc/link")).toMatchObject({ flag: "2", linkName: "os-release" });
      expect(byName.get(LONG_DIR)?.flag).toBe("5");
      if (format !== "ustar") {
        expect(byName.get("etc/long-link")?.linkName).toBe(LONG_TARGET);
        expect(byName.get("etc/sparse")?.sparseSize).toBe(8 << 20);
      }
      for (const chunk of [1, 7, 511, 513, 4096]) {
        expect(parse(bytes, chunk), `chunks of ${chunk}`).toEqual(whole);
      }
    });
  }

  it("stops at the end-of-archive blocks and ignores what follows", () => {
    const bytes = Buffer.concat([gnuTar("posix"), Buffer.from("trailing garbage, not a header")]);
    expect(parse(bytes).bodies.get("etc/os-release")).toBe("ID=debian\n");
  });
});

describe("TarParser on broken input", () => {
  it("refuses a header whose checksum does not match, naming the byte", () => {
    const bytes = Buffer.from(gnuTar("posix"));
    bytes[0] = (bytes[0] as number) ^ 0x20;
    expect(() => parse(bytes)).toThrow(TarFormatError);
    expect(() => parse(bytes)).toThrow(/at byte 0/);
  });

  it("says where a tar breaks off inside an entry", () => {
    const bytes = gnuTar("ustar");
    expect(() => parse(bytes.subarray(0, 700))).toThrow(/breaks off at byte 700/);
  });

  it("refuses an extended header too big to be real", () => {
    const header = Buffer.alloc(512);
    header.write("././@PaxHeader", 0);
    header.write("0000644\0", 100);
    header.write(`${(64 << 20).toString(8).padStart(11, "0")}\0`, 124);
    header[156] = "x".charCodeAt(0);
    header.write("ustar\x0000", 257);
    header.write("        ", 148);
    let sum = 0;
    for (const b of header) sum += b;
    header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
    expect(() => parse(header)).toThrow(/extended tar header of 67108864 bytes/);
  });
});

describe("TarParser.skip", () => {
  it("passes over bodies a seeking reader does not read", () => {
    const bytes = gnuTar("ustar");
    const names: string[] = [];
    const entry = (e: TarEntry) => {
      names.push(e.name);
      return false;
    };
    const parser = new TarParser({ entry, body() {} });
    let at = 0;
    let skipped = 0;
    while (at < bytes.length && !parser.ended) {
      const n = parser.skippable();
      if (n > 0) {
        parser.skip(n);
        at += n;
        skipped += n;
        continue;
      }
      parser.push(bytes.subarray(at, at + 512));
      at += 512;
    }
    parser.end();
    expect(names).toEqual(parse(bytes).entries.map((e) => e.name));
    expect(skipped).toBeGreaterThan(1536);
    expect(() => parser.skip(1)).toThrow(RangeError);
  });
});
