/**
 * Writes a minimal ELF64 file whose `.go.buildinfo` uses the pointer layout of Go 1.13–1.17:
 * the header holds two pointers to Go string headers in `.rodata`. Go 1.19 (the toolchain
 * Debian ships) only writes the 1.18+ inline layout, so this older one is built by hand.
 */
const MAGIC = Buffer.from("\xff Go buildinf:", "latin1");
const SENTINEL = Buffer.alloc(16, 0x5a);
const RODATA_ADDR = 0x400000;
const BUILDINFO_ADDR = 0x500000;

/** `modInfo` is the text between the sentinels; it should end with a newline. */
export function pointerLayoutElf(goVersion: string, modInfo: string): Buffer {
  const version = Buffer.from(goVersion);
  const mod = Buffer.concat([SENTINEL, Buffer.from(modInfo), SENTINEL]);
  const rodata = Buffer.alloc(32 + version.length + mod.length);
  rodata.writeBigUInt64LE(BigInt(RODATA_ADDR + 32), 0);
  rodata.writeBigUInt64LE(BigInt(version.length), 8);
  rodata.writeBigUInt64LE(BigInt(RODATA_ADDR + 32 + version.length), 16);
  rodata.writeBigUInt64LE(BigInt(mod.length), 24);
  version.copy(rodata, 32);
  mod.copy(rodata, 32 + version.length);
  const info = Buffer.alloc(32);
  MAGIC.copy(info, 0);
  info[14] = 8;
  info.writeBigUInt64LE(BigInt(RODATA_ADDR), 16);
  info.writeBigUInt64LE(BigInt(RODATA_ADDR + 16), 24);
  return assemble(info, rodata);
}

function assemble(info: Buffer, rodata: Buffer): Buffer {
  const names = Buffer.from("\0.go.buildinfo\0.rodata\0.shstrtab\0");
  const infoAt = 64;
  const rodataAt = infoAt + info.length;
  const namesAt = rodataAt + rodata.length;
  const shoff = Math.ceil((namesAt + names.length) / 8) * 8;
  const out = Buffer.alloc(shoff + 4 * 64);
  out.write("\x7fELF", 0, "latin1");
  out[4] = 2;
  out[5] = 1;
  out[6] = 1;
  out.writeUInt16LE(2, 16);
  out.writeUInt16LE(62, 18);
  out.writeBigUInt64LE(BigInt(shoff), 0x28);
  out.writeUInt16LE(64, 0x34);
  out.writeUInt16LE(64, 0x3a);
  out.writeUInt16LE(4, 0x3c);
  out.writeUInt16LE(3, 0x3e);
  info.copy(out, infoAt);
  rodata.copy(out, rodataAt);
  names.copy(out, namesAt);
  section(out, shoff + 64, 1, BUILDINFO_ADDR, infoAt, info.length);
  section(out, shoff + 128, 15, RODATA_ADDR, rodataAt, rodata.length);
  section(out, shoff + 192, 23, 0, namesAt, names.length);
  return out;
}

function section(out: Buffer, at: number, name: number, addr: number, offset: number, size: number) {
  out.writeUInt32LE(name, at);
  out.writeUInt32LE(1, at + 4);
  out.writeBigUInt64LE(BigInt(addr), at + 0x10);
  out.writeBigUInt64LE(BigInt(offset), at + 0x18);
  out.writeBigUInt64LE(BigInt(size), at + 0x20);
}
