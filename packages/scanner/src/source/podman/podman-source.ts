import { join } from "node:path";
import { createEngineSource } from "../docker/engine-source.js";
import type { SourceKind } from "../types.js";

/**
 * An image in Podman's store, through its Docker-compatible API (`podman system service`):
 * `podman:REF`, reached at `--engine`, `CONTAINER_HOST`, or Podman's default socket (the
 * system one for root, the user's runtime dir otherwise).
 */
export const podmanSource = createEngineSource({
  kind: "podman",
  envVar: "CONTAINER_HOST",
  defaultEndpoint: () => {
    const runtime = process.env.XDG_RUNTIME_DIR;
    const rootless = process.getuid?.() !== 0 && runtime;
    return `unix://${rootless ? join(runtime, "podman/podman.sock") : "/run/podman/podman.sock"}`;
  },
}) satisfies SourceKind;
