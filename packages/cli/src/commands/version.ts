import { createInterface } from "node:readline";
import { findVersionScheme, LadingError, type VersionScheme } from "@lading/scanner";
import type { Command } from "commander";

/** `lading version compare SCHEME A B`, or `--batch` over `A<TAB>B` lines on stdin. */
export function registerVersionCommand(program: Command): void {
  const version = program.command("version").description("work with package versions");
  version
    .command("compare")
    .description("compare two versions: prints -1, 0 or 1 (as dpkg --compare-versions answers)")
    .argument("<scheme>", "apk, composer, dpkg, go, maven, nuget, pep440, rpm, rubygems, semver")
    .argument("[a]", "first version")
    .argument("[b]", "second version")
    .option("--batch", "read A<TAB>B lines on stdin, print one answer per line")
    .action(
      async (
        id: string,
        a: string | undefined,
        b: string | undefined,
        options: { batch?: boolean },
      ) => {
        const scheme = findVersionScheme(id);
        if (options.batch) return compareBatch(scheme, process.stdin, process.stdout);
        if (a === undefined || b === undefined)
          throw new LadingError("compare needs two versions, or --batch");
        process.stdout.write(`${scheme.compare(a, b)}\n`);
      },
    );
}

/**
 * Answers each `A<TAB>B` line with -1, 0 or 1, or `error: <reason>` for a pair it cannot
 * compare, and goes on. Output is flushed once per chunk of input read, so answers stream
 * while writes stay few; reading pauses while the output is backed up.
 */
export function compareBatch(
  scheme: VersionScheme,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const ok = output.write(`${pending.join("\n")}\n`);
    pending = [];
    if (!ok) {
      lines.pause();
      output.once("drain", () => lines.resume());
    }
  };
  lines.on("line", (line) => {
    pending.push(answer(scheme, line));
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
  return new Promise((resolve) => lines.once("close", () => resolve(flush())));
}

function answer(scheme: VersionScheme, line: string): string {
  const tab = line.indexOf("\t");
  if (tab < 0) return "error: expected two versions separated by a tab";
  const a = line.slice(0, tab);
  const b = line.slice(tab + 1);
  // Checked first because building an error (with its stack) costs more than comparing.
  if (!scheme.isValid(a)) return `error: ${JSON.stringify(a)} is not a valid ${scheme.id} version`;
  if (!scheme.isValid(b)) return `error: ${JSON.stringify(b)} is not a valid ${scheme.id} version`;
  try {
    return String(scheme.compare(a, b));
  } catch (err) {
    return `error: ${err instanceof Error ? err.message : String(err)}`;
  }
}
