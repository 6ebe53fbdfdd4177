import { listArchiveNames } from "../archive/archive-names.js";
import { openImageArchive } from "../archive/open-image.js";
import type { OpenedSource, SourceKind, SourceOptions } from "../types.js";
import { planDockerArchive } from "./plan-docker-archive.js";

/**
 * The output of `docker save` (`docker-archive:PATH`), plain or gzip/zstd-compressed, in the
 * classic layout (`<id>/layer.tar`) or Docker 25's OCI layout (`blobs/sha256/...`). Its mark is
 * `manifest.json` at the archive root.
 */
export const dockerArchiveSource = {
  kind: "docker-archive",
  async detect(path: string) {
    return (await listArchiveNames(path, "manifest.json")).has("manifest.json");
  },
  open(target: string, options: SourceOptions): Promise<OpenedSource> {
    return openImageArchive(target, planDockerArchive, options);
  },
} satisfies SourceKind;
