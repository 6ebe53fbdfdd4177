import type { HistoryEntry, ImageMetadata, LayerInfo, SourceInfo, Unknown } from "../../types.js";
import { Properties } from "../shared/properties.js";
import type { Component } from "./components.js";

type Json = Record<string, unknown>;

/**
 * What the scan was of, from `metadata.component`. Lading records its source as
 * `lading:source:*` properties; other tools are read as an SBOM of the component's name.
 */
export function sourceOf(subject: Component | undefined): SourceInfo {
  const properties = new Properties(subject?.properties);
  const kind = properties.get("lading:source:kind");
  const target = properties.get("lading:source:target");
  if (kind && target) return { kind, target };
  return { kind: "sbom", target: subject?.name ?? "" };
}

/**
 * The image a `container` subject describes. Lading writes `lading:image:*` properties and the
 * config digest as version; Trivy writes `aquasecurity:trivy:ImageID`, `RepoTag`, `RepoDigest`
 * and one `DiffID` per layer; syft puts labels in `syft:image:labels:*` on the BOM metadata.
 * A config digest no property states is left empty: the SBOM does not say.
 */
export function imageOf(subject: Component | undefined, metadata: Json): ImageMetadata | undefined {
  if (subject?.type !== "container") return undefined;
  const props = new Properties(subject.properties);
  const bomProps = new Properties(metadata.properties);
  return {
    configDigest: configDigestOf(subject, props),
    ...optional("manifestDigest", props.get("lading:image:manifestDigest")),
    repoTags: repoTagsOf(subject, props),
    repoDigests: [
      ...props.all("lading:image:repoDigest"),
      ...props.all("aquasecurity:trivy:RepoDigest"),
    ],
    ...optional("os", props.get("lading:image:os")),
    ...optional("architecture", props.get("lading:image:architecture")),
    ...optional("variant", props.get("lading:image:variant")),
    ...optional("created", props.get("lading:image:created")),
    labels: {
      ...bomProps.withPrefix("syft:image:labels:"),
      ...props.withPrefix("lading:image:label:"),
    },
    layers: layersOf(props),
    history: historyOf(props),
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}

function configDigestOf(subject: Component, props: Properties): string {
  const version = typeof subject.version === "string" ? subject.version : "";
  if (version.startsWith("sha256:")) return version;
  const trivy = props.get("aquasecurity:trivy:ImageID");
  if (trivy) return trivy;
  const hashes = Array.isArray(subject.hashes) ? (subject.hashes as Json[]) : [];
  const sha = hashes.find((h) => h.alg === "SHA-256")?.content;
  return typeof sha === "string" ? `sha256:${sha}` : "";
}

// A name with a tag is a repo tag as it stands; syft gives the tag as the version instead.
function repoTagsOf(subject: Component, props: Properties): string[] {
  const stated = [...props.all("lading:image:repoTag"), ...props.all("aquasecurity:trivy:RepoTag")];
  if (stated.length > 0) return stated;
  const name = subject.name;
  if (/:[^/]+$/.test(name)) return [name];
  const version = typeof subject.version === "string" ? subject.version : "";
  return version && !version.includes(":") ? [`${name}:${version}`] : [];
}

function layersOf(props: Properties): LayerInfo[] {
  const lading = props.indexed("lading:image:layer:");
  const layers =
    lading.length > 0
      ? lading.map((group) => ({ diffId: group.diffId, createdBy: group.createdBy }))
      : props.all("aquasecurity:trivy:DiffID").map((diffId) => ({ diffId, createdBy: undefined }));
  return layers
    .filter((layer): layer is { diffId: string; createdBy: string | undefined } =>
      Boolean(layer.diffId),
    )
    .map(({ diffId, createdBy }, index) => ({
      index,
      digest: diffId,
      diffId,
      ...(createdBy ? { createdBy } : {}),
    }));
}

/** The history of the layers Lading wrote (`lading:image:layer:N:created`), one per layer. */
function historyOf(props: Properties): HistoryEntry[] {
  return props
    .indexed("lading:image:layer:")
    .filter((group) => group.created !== undefined || group.createdBy !== undefined)
    .map((group) => ({
      ...(group.created ? { created: group.created } : {}),
      ...(group.createdBy ? { createdBy: group.createdBy } : {}),
      emptyLayer: false,
    }));
}

/** The unknowns Lading recorded as `lading:unknown:N:*` BOM properties. */
export function unknownsOf(metadata: Json): Unknown[] {
  return new Properties(metadata.properties)
    .indexed("lading:unknown:")
    .filter((group) => group.path !== undefined && group.reason !== undefined)
    .map((group) => ({
      path: group.path,
      ...(group.layerDiffId ? { layer: group.layerDiffId } : {}),
      ...(group.cataloger ? { cataloger: group.cataloger } : {}),
      reason: group.reason,
    }));
}
