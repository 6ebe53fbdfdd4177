/**
 * A throwaway PostgreSQL 15 cluster for tests: initdb in a temp dir, listening on 127.0.0.1 and
 * a free port, removed on stop. initdb refuses to run as root, so as root it runs as `postgres`.
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "./ports.js";

const bin = process.env.LADING_PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** A running cluster; `createDatabase` gives each test file its own database. */
export interface TestPostgres {
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

/**
 * True when PostgreSQL is installed; false skips the PostgreSQL tests, unless
 * LADING_REQUIRE_TEST_IMAGES is set, when a missing install fails them instead.
 */
export function hasPostgres(): boolean {
  if (existsSync(join(bin, "initdb"))) return true;
  if (process.env.LADING_REQUIRE_TEST_IMAGES)
    throw new Error(`PostgreSQL binaries missing in ${bin}; run scripts/install-test-deps`);
  return false;
}

/** The test backends available here: SQLite always, PostgreSQL when installed. */
export const backends = (): ("sqlite" | "postgres")[] =>
  hasPostgres() ? ["sqlite", "postgres"] : ["sqlite"];

/** Starts a cluster. */
export async function startPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), "lading-pg-"));
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? "runuser" : join(bin, tool);
    const full = asRoot ? ["-u", "postgres", "--", join(bin, tool), ...args] : args;
    execFileSync(command, full, { stdio: "pipe", cwd: dir });
  };
  if (asRoot) chownSync(dir, uid("postgres"), gid("postgres"));
  const data = join(dir, "data");
  run("initdb", ["-D", data, "-U", "lading", "-A", "trust", "--no-sync", "-E", "UTF8"]);
  const port = await freePort();
  const options = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off`;
  run("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "start"]);
  const url = (database: string) => `postgres://lading@127.0.0.1:${port}/${database}`;
  return {
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url("postgres") });
      await client.connect();
      await client.query(`create database "${name}"`);
      await client.end();
      return url(name);
    },
    stop() {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const uid = (user: string) => Number(execFileSync("id", ["-u", user]).toString().trim());
const gid = (user: string) => Number(execFileSync("id", ["-g", user]).toString().trim());
