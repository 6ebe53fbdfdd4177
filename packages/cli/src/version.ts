import { readFileSync } from "node:fs";

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

/** The version of the `lading` command, from its package manifest. */
export const toolVersion: string = manifest.version;
