import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ImageFormatError } from "../../errors.js";
import { alpineTar } from "../image-fixtures.fixture.js";
import { readAll } from "./hash-stream.js";
import { openTarFiles } from "./tar-files.js";
import { indexTar } from "./tar-index.js";

async function index(path: string) {
  const handle = await open(path, "r");
  try {
    return await indexTar(handle, path);
  } finally {
    await handle.close();
  }
}

describe("indexTar", () => {
  it("indexes the real docker save archive and serves a member in place", async () => {
    const members = await index(alpineTar());
    expect([...members.keys()].sort()).toEqual([
      "71dba1fabbde4baabcdebcde4895d3f3887e388b09cef162f8159cf7daffa1b8",
      "71dba1fabbde4baabcdebcde4895d3f3887e388b09cef162f8159cf7daffa1b8/VERSION",
      "71dba1fabbde4baabcdebcde4895d3f3887e388b09cef162f8159cf7daffa1b8/json",
      "71dba1fabbde4baabcdebcde4895d3f3887e388b09cef162f8159cf7daffa1b8/layer.tar",
      "af341ccd2df8b0e2d67cf8dd32e087bfda4e5756ebd1c76bbf3efa0dc246590e.json",
      "manifest.json",
      "repositories",
    ]);
    const files = await openTarFiles(alpineTar());
    try {
      expect(JSON.parse((await files.read("manifest.json")).toString())[0].RepoTags).toEqual([
        "alpine:3.10",
      ]);
      const layer = "71dba1fabbde4baabcdebcde4895d3f3887e388b09cef162f8159cf7daffa1b8/layer.tar";
      expect(await files.digest(layer)).toBe(
        "sha256:531743b7098cb2aaf615641007a129173f63ed86ca32fe7b5a246a1c47286028",
      );
    } finally {
      await files.close();
    }
  });

  it("reads long names from GNU L headers, pax x headers and ustar prefixes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lading-tar-index-"));
    const long = `${"d".repeat(120)}/${"n".repeat(110)}.json`;
    mkdirSync(join(dir, "root", "d".repeat(120)), { recursive: true });
    writeFileSync(join(dir, "root", long), '{"long":true}');
    const short = `${"d".repeat(120)}/s.json`;
    writeFileSync(join(dir, "root", short), "{}");
    for (const format of ["gnu", "posix", "ustar"]) {
      const tar = join(dir, `${format}.tar`);
      // ustar holds the 120-character directory in its prefix field, but not the long file name.
      const what = format === "ustar" ? short : ".";
      execFileSync("tar", [`--format=${format}`, "-cf", tar, "-C", join(dir, "root"), what]);
      const files = await openTarFiles(tar);
      try {
        expect(await files.size(short)).toBe(2);
        if (format === "ustar") continue;
        expect(await files.size(long)).toBe(13);
        expect((await readAll(await files.open(long))).toString()).toBe('{"long":true}');
      } finally {
        await files.close();
      }
    }
  });

  it("rejects a file that is not a tar and reports a truncated one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lading-tar-bad-"));
    const notTar = join(dir, "not.tar");
    writeFileSync(notTar, Buffer.alloc(2048, 0x41));
    await expect(index(notTar)).rejects.toThrow(/not a valid tar: bad header checksum/);
    const truncated = join(dir, "truncated.tar");
    writeFileSync(truncated, readFileSync(alpineTar()).subarray(0, 4096));
    await expect(index(truncated)).rejects.toThrow(ImageFormatError);
    await expect(index(truncated)).rejects.toThrow(/truncated/);
  });
});
