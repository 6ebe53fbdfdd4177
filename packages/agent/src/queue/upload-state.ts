/**
 * What the agent last queued for each project (image ID and time), kept in the state dir so a
 * restarted agent neither re-uploads everything nor forgets what changed.
 */
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeDurably } from "./durable-file.js";

/** The last snapshot queued for one project. */
export interface LastUpload {
  imageId: string;
  at: string;
}

/** Per-project record of the last queued snapshot. */
export class UploadState {
  readonly #file: string;
  #entries: Record<string, LastUpload> = {};

  constructor(stateDir: string) {
    this.#file = join(stateDir, "uploads.json");
  }

  /** Loads the file; a missing or broken one starts empty (the worst case is one extra upload). */
  async load(): Promise<void> {
    try {
      this.#entries = JSON.parse(await readFile(this.#file, "utf8"));
    } catch {
      this.#entries = {};
    }
  }

  get(project: string): LastUpload | undefined {
    return this.#entries[project];
  }

  /** Records an upload, keeping the newest when two are recorded for one project. */
  note(project: string, upload: LastUpload): void {
    const known = this.#entries[project];
    if (!known || known.at <= upload.at) this.#entries[project] = upload;
  }

  async save(): Promise<void> {
    await mkdir(join(this.#file, ".."), { recursive: true });
    await writeDurably(this.#file, JSON.stringify(this.#entries));
  }
}
