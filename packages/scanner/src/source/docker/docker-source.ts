import type { SourceKind } from "../types.js";
import { createEngineSource } from "./engine-source.js";

/**
 * An image in the local Docker engine (`docker:REF`), reached at `--engine`, `DOCKER_HOST`, or
 * Docker's default socket.
 */
export const dockerSource = createEngineSource({
  kind: "docker",
  envVar: "DOCKER_HOST",
  defaultEndpoint: () => "unix:///var/run/docker.sock",
}) satisfies SourceKind;
