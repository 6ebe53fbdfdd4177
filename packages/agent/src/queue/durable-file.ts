import { open, rename } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Writes a file so that after a crash it is either whole or absent: write a temp file, flush
 * it, rename it over the target, then flush the directory so the rename itself survives.
 */
export async function writeDurably(path: string, data: string): Promise<void> {
  const temp = `${path}.tmp-${process.pid}`;
  const file = await open(temp, "w");
  try {
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, path);
  await syncDir(dirname(path));
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
