import { homedir } from "node:os";
import { join, resolve } from "node:path";

/**
 * The data directory: `explicit` (`--db DIR`), else `LADING_DB_DIR`, else the platform's
 * cache directory (`$XDG_CACHE_HOME/lading/db`, `~/Library/Caches/lading/db` on macOS,
 * `%LOCALAPPDATA%\lading\db` on Windows). A cache, because the data can always be fetched again.
 */
export function resolveDbDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return resolve(explicit);
  if (env.LADING_DB_DIR) return resolve(env.LADING_DB_DIR);
  return join(cacheHome(env), "lading", "db");
}

function cacheHome(env: NodeJS.ProcessEnv): string {
  if (process.platform === "darwin") return join(homedir(), "Library", "Caches");
  if (process.platform === "win32") return env.LOCALAPPDATA ?? join(homedir(), "AppData", "Local");
  return env.XDG_CACHE_HOME || join(homedir(), ".cache");
}
