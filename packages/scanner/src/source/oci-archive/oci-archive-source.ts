import { listArchiveNames } from "../archive/archive-names.js";
import { openImageArchive } from "../archive/open-image.js";
import { planOciLayout } from "../oci/layout-plan.js";
import type { OpenedSource, SourceKind, SourceOptions } from "../types.js";

/**
 * A tar of an OCI image layout (`oci-archive:PATH`), as `skopeo copy ... oci-archive:` writes
 * it: `oci-layout` and `index.json` at the root and no `manifest.json` (that would make it a
 * Docker 25 `docker save` archive, which is read as a docker-archive).
 */
export const ociArchiveSource = {
  kind: "oci-archive",
  async detect(path: string) {
    const names = await listArchiveNames(path);
    return (names.has("oci-layout") || names.has("index.json")) && !names.has("manifest.json");
  },
  open(target: string, options: SourceOptions): Promise<OpenedSource> {
    return openImageArchive(target, planOciLayout, options);
  },
} satisfies SourceKind;
