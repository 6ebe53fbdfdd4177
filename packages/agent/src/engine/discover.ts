/** Lists the engine's containers and the images they run, through Docker's API. */
import { type EngineEndpoint, engineJson } from "./endpoint.js";

/** A container as the agent needs it. */
export interface Container {
  id: string;
  /** Without the leading slash Docker adds. */
  name: string;
  state: string;
  labels: Record<string, string>;
  /** The reference it was created from (`localhost/alpine:3.10`). */
  image: string;
  imageId: string;
}

/** An image as the agent needs it. */
export interface Image {
  id: string;
  labels: Record<string, string>;
  repoTags: string[];
  repoDigests: string[];
}

interface ApiContainer {
  Id: string;
  Names?: string[] | null;
  State?: string;
  Labels?: Record<string, string> | null;
  Image?: string;
  ImageID?: string;
}

interface ApiImage {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  Config?: { Labels?: Record<string, string> | null } | null;
}

/** Every container the engine holds, whatever its state (created, running, exited). */
export async function listContainers(endpoint: EngineEndpoint): Promise<Container[]> {
  const rows = await engineJson<ApiContainer[]>(endpoint, "/containers/json?all=true");
  return rows
    .filter((c) => c.State !== "removing" && c.ImageID)
    .map((c) => ({
      id: c.Id,
      name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ""),
      state: c.State ?? "unknown",
      labels: c.Labels ?? {},
      image: c.Image ?? "",
      imageId: normalizeId(c.ImageID as string),
    }));
}

/** One image by ID, or `undefined` when it is gone (removed between list and inspect). */
export async function inspectImage(
  endpoint: EngineEndpoint,
  id: string,
): Promise<Image | undefined> {
  try {
    const image = await engineJson<ApiImage>(endpoint, `/images/${encodeURIComponent(id)}/json`);
    return {
      id: normalizeId(image.Id),
      labels: image.Config?.Labels ?? {},
      repoTags: image.RepoTags ?? [],
      repoDigests: image.RepoDigests ?? [],
    };
  } catch (err) {
    if (/answered 404/.test((err as Error).message)) return undefined;
    throw err;
  }
}

/** Docker writes `sha256:<hex>`, Podman sometimes the bare hex; the agent keys on the former. */
export const normalizeId = (id: string): string => (id.includes(":") ? id : `sha256:${id}`);
