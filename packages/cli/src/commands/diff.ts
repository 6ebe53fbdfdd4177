import {
  applyPolicy,
  type DiffFormat,
  type DiffInput,
  diffImages,
  matchPackages,
  openVulnDb,
  type Policy,
  parseDiffFormat,
  renderDiff,
  resolveDbDir,
  resolveSource,
  scanForDiff,
  type VulnDb,
  VulnDbError,
} from "@lading/scanner";
import type { Command } from "commander";
import { createProgress } from "../progress.js";
import {
  addSourceOptions,
  requireImage,
  SOURCE_HELP,
  type SourceFlags,
  sourceAccess,
} from "../source-options.js";
import { CONFIG_FILE, collectFile, ignoreRules, vexStatements } from "./policy-flags.js";

interface DiffFlags extends SourceFlags {
  output?: string;
  db?: string;
  config?: string;
  vex: string[];
}

/** `lading diff A B`: what changed from image A to image B. */
export function registerDiffCommand(program: Command): void {
  const command = program
    .command("diff")
    .description("show what changed between two images: packages, findings, size and layers")
    .argument("<source-a>", `the old image: ${SOURCE_HELP}`)
    .argument("<source-b>", "the new image, in the same forms")
    .option("-o, --output <format>", "table (default on a terminal), json or markdown")
    .option("--db <dir>", "vulnerability data directory (default: $LADING_DB_DIR, else the cache)")
    .option(
      "--config <file>",
      `ignore: rules, as lading scan reads them (default ./${CONFIG_FILE})`,
    )
    .option(
      "--vex <file>",
      "OpenVEX document; not_affected and fixed statements close findings (repeatable)",
      collectFile,
      [],
    );
  addSourceOptions(command)
    .addHelpText(
      "after",
      "\nFindings are compared when a vulnerability database is at hand; without one the diff says so.",
    )
    .action(runDiff);
}

async function runDiff(sourceA: string, sourceB: string, flags: DiffFlags): Promise<void> {
  const format: DiffFormat = parseDiffFormat(
    flags.output ?? (process.stdout.isTTY ? "table" : "json"),
  );
  requireImage(sourceA, "diff");
  requireImage(sourceB, "diff");
  // A mistyped second path or rule file should not cost a whole read of the first image.
  await Promise.all([resolveSource(sourceA), resolveSource(sourceB)]);
  const policy: Policy = {
    ignore: ignoreRules(flags.config),
    vex: vexStatements(flags.vex),
    onlyFixed: false,
    now: new Date(),
  };
  const db = openDbIfAny(flags.db);
  try {
    const a = await read(sourceA, flags, db.db, policy);
    const b = await read(sourceB, flags, db.db, policy);
    const diff = diffImages(a, b, { findingsNotCompared: db.reason });
    process.stdout.write(renderDiff(diff, format));
  } finally {
    db.db?.close();
  }
}

/**
 * The database when there is one. A directory the user named (`--db`, `LADING_DB_DIR`) must
 * hold one, so a typo fails loudly; the default cache may be empty, and then findings are
 * simply not compared.
 */
function openDbIfAny(explicit: string | undefined): { db?: VulnDb; reason?: string } {
  const dir = resolveDbDir(explicit);
  const named = explicit !== undefined || Boolean(process.env.LADING_DB_DIR);
  try {
    return { db: openVulnDb(dir) };
  } catch (err) {
    if (named || !(err instanceof VulnDbError)) throw err;
    return { reason: `${err.message}, or pass --db` };
  }
}

/** One side scanned, with its findings as `lading scan` counts them (ignore rules and VEX applied). */
async function read(
  source: string,
  flags: DiffFlags,
  db: VulnDb | undefined,
  policy: Policy,
): Promise<DiffInput> {
  const progress = createProgress();
  try {
    const side = await scanForDiff(source, { onProgress: progress.update, ...sourceAccess(flags) });
    if (!db) return side;
    const findings = applyPolicy(matchPackages(side.result, db).findings, policy).findings;
    return { ...side, findings };
  } finally {
    progress.done();
  }
}
