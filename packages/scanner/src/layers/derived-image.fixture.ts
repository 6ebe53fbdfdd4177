/**
 * A real image derived from the Debian test image, with waste of exactly known size: two more
 * layers made as Dockerfile steps would make them. Built with umoci and skopeo once, cached
 * beside the test images under a key hashing this file's build script and the base image.
 *   4. `head -c 3000000 /dev/urandom > /opt/blob.bin && chmod 0700 /usr/bin/bash` — a large file,
 *      and a file of the base duplicated whole by a mode change (layers store whole files);
 *   5. `rm /opt/blob.bin` — the large file deleted, its bytes still shipped in layer 4.
 * Test support only.
 */

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { TestImages } from "../../../../test/support/test-images.js";

/** Size of the file layer 4 writes and layer 5 deletes. */
export const BLOB_BYTES = 3_000_000;
/** The base file layer 4 re-stores by changing its mode. */
export const DUPLICATED_PATH = "/usr/bin/bash";

/** The derived image: an OCI layout with one image, and the facts recorded while building. */
export interface DerivedImage {
  layout: string;
  /** Size of {@link DUPLICATED_PATH} as the base stores it. */
  duplicatedBytes: number;
}

const BUILD = `set -euo pipefail
base=$1 tag=$2 out=$3 work=$3.build-$$
trap 'rm -rf --one-file-system "$work"' EXIT
mkdir -p "$work"
skopeo copy --quiet "oci:$base:$tag" "oci:$work/oci:derived"
umoci unpack --image "$work/oci:derived" "$work/bundle" >&2
rootfs=$work/bundle/rootfs
stat -c %s "$rootfs${DUPLICATED_PATH}" >"$work/duplicated-bytes"
head -c ${BLOB_BYTES} /dev/urandom >"$rootfs/opt/blob.bin"
chmod 0700 "$rootfs${DUPLICATED_PATH}"
umoci repack --refresh-bundle --image "$work/oci:derived" --history.created_by \\
  "/bin/sh -c head -c ${BLOB_BYTES} /dev/urandom > /opt/blob.bin && chmod 0700 ${DUPLICATED_PATH}" \\
  "$work/bundle" >&2
rm "$rootfs/opt/blob.bin"
umoci repack --refresh-bundle --image "$work/oci:derived" \\
  --history.created_by "/bin/sh -c rm /opt/blob.bin" "$work/bundle" >&2
rm -rf --one-file-system "$work/bundle"
umoci gc --layout "$work/oci"
chmod -R a+rX "$work"
mv "$work" "$out"
`;

/** Builds the derived image unless cached, and reads what the build recorded. */
export function loadDerivedImage(images: TestImages): DerivedImage {
  const key = createHash("sha256").update(BUILD).update(basename(images.dir)).digest("hex");
  const out = join(dirname(images.dir), `derived-${key.slice(0, 16)}`);
  if (!existsSync(join(out, "duplicated-bytes"))) build(images, out);
  return {
    layout: join(out, "oci"),
    duplicatedBytes: Number(readFileSync(join(out, "duplicated-bytes"), "utf8")),
  };
}

function build(images: TestImages, out: string): void {
  const { ociDir } = images.manifest.outputs;
  const base = join(images.dir, ociDir.path);
  const run = spawnSync("bash", ["-c", BUILD, "build", base, ociDir.tag, out], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`building ${out} failed:\n${run.stderr.slice(-4000)}`);
}
