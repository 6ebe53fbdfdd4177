import { describe, expect, it } from "vitest";
import { packLayerIndex, unpackLayerIndex } from "./layer-transfer.js";
import { readLayer, tarBytes } from "./tar-helper.fixture.js";

const big = "x".repeat(64 * 1024);

async function sampleIndex() {
  const bytes = await tarBytes([
    { name: "etc/", type: "directory" },
    { name: "etc/os-release", body: "ID=alpine\n" },
    { name: "usr/lib/big.bin", body: big },
    { name: "etc/localtime", type: "symlink", linkname: "../usr/share/zoneinfo/UTC" },
    { name: "bin/sh", type: "link", linkname: "bin/busybox" },
    { name: "etc/.wh.motd" },
    { name: "var/cache/.wh..wh..opq" },
  ]);
  return readLayer(bytes, 3);
}

describe("packLayerIndex", () => {
  it("round-trips every entry, link target, whiteout and kept file", async () => {
    const index = await sampleIndex();
    const { packed } = packLayerIndex(index);
    const back = unpackLayerIndex(structuredClone(packed));
    expect(back).toEqual(index);
    expect(back.captured.get("/usr/lib/big.bin")?.toString()).toBe(big);
    expect(back.whiteouts).toEqual(["/etc/motd"]);
    expect(back.opaqueDirs).toEqual(["/var/cache"]);
  });

  it("moves kept bytes by transfer without detaching a shared pool", async () => {
    const index = await sampleIndex();
    const small = index.captured.get("/etc/os-release") as Buffer;
    const neighbour = Buffer.from("pooled neighbour");
    const { packed, transfer } = packLayerIndex(index);
    const channel = new MessageChannel();
    const received = new Promise<typeof packed>((resolve) => {
      channel.port2.once("message", (m) => resolve(m as typeof packed));
    });
    channel.port1.postMessage(packed, transfer);
    const back = unpackLayerIndex(await received);
    channel.port1.close();
    expect(back.captured.get("/etc/os-release")?.toString()).toBe("ID=alpine\n");
    expect(back.captured.get("/usr/lib/big.bin")?.length).toBe(big.length);
    // The pooled small file was copied, so its pool (and the neighbour in it) still holds data.
    expect(small.toString()).toBe("ID=alpine\n");
    expect(neighbour.toString()).toBe("pooled neighbour");
  });
});
