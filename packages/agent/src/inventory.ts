/** What runs on the host now: each container with its image and project path. */
import { type Container, type Image, inspectImage, listContainers } from "./engine/discover.js";
import type { EngineEndpoint } from "./engine/endpoint.js";
import { containerPath, ociLabels } from "./naming.js";

/** One container as a project: where its snapshots go and what they describe. */
export interface Workload {
  path: string;
  container: Container;
  image?: Image;
  /** The image's OCI labels, which tag the project. */
  labels: Record<string, string>;
}

/**
 * Lists containers and inspects each distinct image once. Two containers that map to one
 * project path (replicas of one Compose service) count once: the first listed wins.
 */
export async function takeInventory(endpoint: EngineEndpoint, host: string): Promise<Workload[]> {
  const containers = await listContainers(endpoint);
  const images = new Map<string, Image | undefined>();
  for (const c of containers)
    if (!images.has(c.imageId)) images.set(c.imageId, await inspectImage(endpoint, c.imageId));
  const byPath = new Map<string, Workload>();
  for (const container of containers) {
    const image = images.get(container.imageId);
    const path = containerPath(host, container, image);
    // TODO: replicas running different images under one Compose service share one project,
    // so only the first listed is scanned; the others' differences go unreported.
    if (!byPath.has(path)) byPath.set(path, { path, container, image, labels: ociLabels(image) });
  }
  return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
}
