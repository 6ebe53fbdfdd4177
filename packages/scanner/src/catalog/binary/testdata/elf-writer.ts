/**
 * Writes a minimal little-endian ELF64 file holding the given sections (no program headers),
 * enough for section readers. Used to build executables whose metadata no local toolchain
 * writes, such as cargo-auditable's `.dep-v0`.
 */
export interface TestSection {
  name: string;
  data: Buffer;
  addr?: number;
}

/** An ELF64 file with a NULL section, `sections` in order, and `.shstrtab` last. */
export function writeElf(sections: TestSection[]): Buffer {
  const all = [...sections, { name: ".shstrtab", data: Buffer.alloc(0) }];
  const nameOffsets: number[] = [];
  let names = "\0";
  for (const s of all) {
    nameOffsets.push(names.length);
    names += `${s.name}\0`;
  }
  all[all.length - 1] = { name: ".shstrtab", data: Buffer.from(names) };
  const offsets: number[] = [];
  let at = 64;
  for (const s of all) {
    at = Math.ceil(at / 16) * 16;
    offsets.push(at);
    at += s.data.length;
  }
  const shoff = Math.ceil(at / 8) * 8;
  const out = Buffer.alloc(shoff + (all.length + 1) * 64);
  writeHeader(out, shoff, all.length + 1);
  all.forEach((s, i) => {
    s.data.copy(out, offsets[i] as number);
    const h = shoff + (i + 1) * 64;
    out.writeUInt32LE(nameOffsets[i] as number, h);
    out.writeUInt32LE(i === all.length - 1 ? 3 : 1, h + 4);
    out.writeBigUInt64LE(BigInt(s.addr ?? 0), h + 0x10);
    out.writeBigUInt64LE(BigInt(offsets[i] as number), h + 0x18);
    out.writeBigUInt64LE(BigInt(s.data.length), h + 0x20);
  });
  return out;
}

function writeHeader(out: Buffer, shoff: number, shnum: number): void {
  out.write("\x7fELF", 0, "latin1");
  out[4] = 2;
  out[5] = 1;
  out[6] = 1;
  out.writeUInt16LE(3, 16);
  out.writeUInt16LE(62, 18);
  out.writeUInt32LE(1, 20);
  out.writeBigUInt64LE(BigInt(shoff), 0x28);
  out.writeUInt16LE(64, 0x34);
  out.writeUInt16LE(64, 0x3a);
  out.writeUInt16LE(shnum, 0x3c);
  out.writeUInt16LE(shnum - 1, 0x3e);
}
