import { LadingError } from "@lading/scanner";
import { Command } from "commander";
import { registerDbCommand } from "./commands/db.js";
import { registerDiffCommand } from "./commands/diff.js";
import { registerLayersCommand } from "./commands/layers.js";
import { registerSbomCommand } from "./commands/sbom.js";
import { registerScanCommand } from "./commands/scan.js";
import { registerServerCommand } from "./commands/server.js";
import { registerVersionCommand } from "./commands/version.js";
import { toolVersion } from "./version.js";

const program = new Command()
  .name("lading")
  .description(
    "Software composition analysis for containers: what an image holds, and what is vulnerable",
  )
  .version(toolVersion)
  .showHelpAfterError();

registerSbomCommand(program);
registerScanCommand(program);
registerLayersCommand(program);
registerDiffCommand(program);
registerDbCommand(program);
registerServerCommand(program);
registerVersionCommand(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  // One clear line on error; a stack trace only when asked for.
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`lading: ${message}\n`);
  if (process.env.LADING_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  if (!(err instanceof LadingError) && process.env.LADING_DEBUG)
    process.stderr.write("(unexpected error)\n");
  process.exit(1);
});
