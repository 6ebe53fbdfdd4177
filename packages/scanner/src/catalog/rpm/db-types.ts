/** One package header as a database stores it, with the database's own id for it. */
export interface HeaderBlob {
  /** Record id inside the database (header number, slot index), for unknowns. */
  id: number;
  blob: Buffer;
}

/** The database as a whole cannot be read (wrong format, truncated metadata). */
export class RpmDbError extends Error {}

/** A database format: reads every stored header blob of one file. */
export interface RpmDbFormat {
  readonly name: string;
  /** Whether the file starts like this format, from its first bytes alone. */
  matches(content: Buffer): boolean;
  /** Every header blob; a damaged record is reported through `onBroken` and skipped. */
  read(content: Buffer, onBroken: (id: number, reason: string) => void): HeaderBlob[];
}
