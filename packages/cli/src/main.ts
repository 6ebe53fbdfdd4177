import { terminalSafe } from "@lading/scanner/terminal-text";
import { Command } from "commander";
import { registerCommands } from "./commands/registry.js";
import { toolVersion } from "./version.js";

// A reader that stops early (`lading sbom ... | head`) closes the pipe: that is not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

const program = new Command()
  .name("lading")
  .description(
    "Software composition analysis for containers: what an image holds, and what is vulnerable",
  )
  .version(toolVersion)
  .showHelpAfterError();

try {
  await registerCommands(program, process.argv);
  await program.parseAsync(process.argv);
} catch (err: unknown) {
  // One clear line on error; a stack trace only when asked for. A message may quote the image
  // (a file name from its manifest), so no control character of it reaches the terminal.
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`lading: ${terminalSafe(message)}\n`);
  if (process.env.LADING_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
}
