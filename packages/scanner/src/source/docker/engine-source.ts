import { SourceError } from "../../errors.js";
import type { CapturePolicy, LayerIndex } from "../../filetree/types.js";
import type { ImageMetadata } from "../../types.js";
import { matchStreamedLayers } from "../archive/match-streamed.js";
import { streamArchiveFrom } from "../archive/streamed-archive.js";
import { planDockerArchive } from "../docker-archive/plan-docker-archive.js";
import { looksLikeImageReference } from "../registry/registry-source.js";
import type { OpenedSource, SourceKind, SourceOptions } from "../types.js";
import {
  type EngineEndpoint,
  exportImage,
  inspectImage,
  parseEngineEndpoint,
  pingEngine,
} from "./engine-client.js";

/** What tells one engine kind from another: its name and where its socket is by default. */
export interface EngineFlavour {
  kind: "docker" | "podman";
  /** The endpoint when neither `--engine` nor the environment names one. */
  defaultEndpoint(): string;
  /** The environment variable that names the endpoint (`DOCKER_HOST`, `CONTAINER_HOST`). */
  envVar: string;
}

/**
 * An image held by a local engine that speaks Docker's API (Docker, or Podman's
 * `podman system service`). The image's export (`/images/{name}/get`, what `docker save`
 * writes) is streamed straight into the archive reader: nothing is written to disk.
 */
export function createEngineSource(flavour: EngineFlavour) {
  const endpointOf = (options: SourceOptions) =>
    parseEngineEndpoint(options.engine ?? process.env[flavour.envVar] ?? flavour.defaultEndpoint());
  return {
    kind: flavour.kind,
    async detect(reference: string) {
      if (!looksLikeImageReference(reference)) return false;
      const endpoint = endpointOf({});
      if (!(await pingEngine(endpoint))) return false;
      return (await inspectImage(endpoint, reference, 5_000).catch(() => undefined)) !== undefined;
    },
    async open(target: string, options: SourceOptions): Promise<OpenedSource> {
      const endpoint = endpointOf(options);
      const found = await inspectImage(endpoint, target).catch((err: Error) => {
        throw new SourceError(
          `the ${flavour.kind} engine at ${endpoint.url} does not answer: ${err.message}`,
          { cause: err },
        );
      });
      if (!found) {
        throw new SourceError(
          `the ${flavour.kind} engine at ${endpoint.url} has no image ${target}`,
        );
      }
      return openExport(endpoint, target, `${flavour.kind}:${target}`);
    },
  } satisfies SourceKind;
}

function openExport(endpoint: EngineEndpoint, name: string, label: string): OpenedSource {
  let metadata: ImageMetadata | undefined;
  return {
    get metadata() {
      return metadata;
    },
    async index(policy: CapturePolicy): Promise<LayerIndex[]> {
      const archive = await streamArchiveFrom(await exportImage(endpoint, name), label, policy);
      const plan = await planDockerArchive(archive, {});
      metadata = plan.metadata;
      return matchStreamedLayers(archive, plan);
    },
    close: async () => {},
  };
}
