// Saves the running server's OpenAPI document and regenerates the typed client's schema from it.
// Usage: node scripts/refresh-api.mjs   (starts a throwaway server on 127.0.0.1, port 0)
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const here = fileURLToPath(new URL("..", import.meta.url));
const lading = fileURLToPath(new URL("../../cli/bin/lading.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "lading-openapi-"));
const args = ["server", "--port", "0", "--data-dir", dir, "--db", join(dir, "db"), "--offline"];
const child = spawn(process.execPath, [lading, ...args, "--update-interval", "0"], {
  env: { ...process.env, LADING_LOG_LEVEL: "warn", LADING_ADMIN_PASSWORD: "refresh-only-password" },
  stdio: ["ignore", "ignore", "pipe"],
});
try {
  const url = await new Promise((resolve, reject) => {
    let text = "";
    child.stderr.on("data", (d) => {
      text += d;
      const found = /lading server: (\S+)/.exec(text);
      if (found) resolve(found[1]);
    });
    child.once("exit", () => reject(new Error(`server exited: ${text}`)));
  });
  const doc = await (await fetch(`${url}/api/openapi.json`)).json();
  writeFileSync(join(here, "openapi.json"), `${JSON.stringify(doc, null, 2)}\n`);
  writeFileSync(join(here, "src/lib/api-schema.d.ts"), astToString(await openapiTS(doc)));
} finally {
  child.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
