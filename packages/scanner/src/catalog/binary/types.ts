/** One section of an executable: where its bytes are in the file and in memory. */
export interface Section {
  name: string;
  /** Virtual address the section is loaded at (PE: image base included). */
  addr: number;
  /** Offset of its bytes in the file; -1 when it has none (ELF NOBITS, Mach-O zerofill). */
  offset: number;
  size: number;
}

/** An executable or shared object read just far enough to find its sections. */
export interface Executable {
  format: "elf" | "macho" | "pe";
  littleEndian: boolean;
  sections: Section[];
  data: Buffer;
}
