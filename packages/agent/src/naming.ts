/**
 * Project paths for what the agent sees: one host project for the machine and one child per
 * container. A child is named, in order of preference, from Compose's labels, the image's OCI
 * title, the container's name, or the image reference.
 */
import type { Container, Image } from "./engine/discover.js";

const COMPOSE_PROJECT = "com.docker.compose.project";
const COMPOSE_SERVICE = "com.docker.compose.service";
const OCI_TITLE = "org.opencontainers.image.title";

/** One project name as the server accepts it: `[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}`. */
export function toProjectName(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9._:@+-]+/g, "-").replace(/^[^A-Za-z0-9]+/, "");
  return (cleaned || "unnamed").slice(0, 128);
}

/** The host's project path: the optional prefix's names, then the host name. */
export function hostPath(hostName: string, prefix?: string): string {
  const names = prefix ? prefix.split("/").filter(Boolean).map(toProjectName) : [];
  return [...names, toProjectName(hostName)].join("/");
}

/** The container's project path below the host's. */
export function containerPath(host: string, container: Container, image?: Image): string {
  return [host, ...containerNames(container, image).map(toProjectName)].join("/");
}

function containerNames(container: Container, image?: Image): string[] {
  const { labels } = container;
  const project = labels[COMPOSE_PROJECT];
  const service = labels[COMPOSE_SERVICE];
  if (project && service) return [project, service];
  const title = labels[OCI_TITLE] ?? image?.labels[OCI_TITLE];
  if (title) return [title];
  if (container.name) return [container.name];
  return [imageName(container.image || image?.repoTags[0] || container.imageId)];
}

/** `registry/team/app:1.2` → `app:1.2`: the last path name keeps the project readable. */
function imageName(reference: string): string {
  return reference.split("/").pop() ?? reference;
}

/** The image's OCI labels (`org.opencontainers.*`), which the project is tagged with. */
export function ociLabels(image?: Image): Record<string, string> {
  const entries = Object.entries(image?.labels ?? {});
  return Object.fromEntries(entries.filter(([key]) => key.startsWith("org.opencontainers.")));
}
