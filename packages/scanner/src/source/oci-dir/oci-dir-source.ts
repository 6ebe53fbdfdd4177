import { stat } from "node:fs/promises";
import { join } from "node:path";
import { SourceError } from "../../errors.js";
import { createDirFiles } from "../archive/dir-files.js";
import { openPlanned } from "../archive/open-image.js";
import { planOciLayout } from "../oci/layout-plan.js";
import type { OpenedSource, SourceKind, SourceOptions } from "../types.js";

/** An OCI image layout directory (`oci-dir:PATH`): `oci-layout`, `index.json` and `blobs/`. */
export const ociDirSource = {
  kind: "oci-dir",
  async detect(path: string) {
    const layout = await stat(join(path, "oci-layout")).catch(() => undefined);
    return layout?.isFile() ?? false;
  },
  async open(target: string, options: SourceOptions): Promise<OpenedSource> {
    const info = await stat(target).catch(() => undefined);
    if (!info?.isDirectory()) throw new SourceError(`${target} is not a directory`);
    const files = createDirFiles(target);
    return openPlanned(files, await planOciLayout(files, options), options, async () => {});
  },
} satisfies SourceKind;
