import type { FileNameIdentity } from "./file-name.js";
import type { Manifest } from "./manifest.js";

/** Maven coordinates of one package an archive carries. */
export interface MavenId {
  groupId: string;
  artifactId: string;
  version: string;
  /** Which record said so: `pom.properties`, `pom.xml`, `manifest` or `file name`. */
  from: string;
  /** The entry inside the archive the coordinates came from, if any. */
  entry?: string;
}

/** What was read from one archive: its manifest, and the Maven records under META-INF. */
export interface ArchiveRecords {
  fileName: FileNameIdentity;
  manifest?: Manifest;
  poms: { entry: string; id: Partial<MavenId> }[];
}

/** The archive's own identity and the other (shaded) artifacts whose records it carries. */
export interface ArchiveIdentity {
  own?: MavenId;
  shaded: MavenId[];
}

/**
 * Decides who an archive is. A pom record whose artifact matches the file name is the
 * archive itself; so is a lone record when the file name offers no competing identity. Any
 * other complete record describes an artifact shaded into this one. Without a matching record
 * the manifest, then the file name, name the archive; without a version nothing is claimed.
 */
export function identify(records: ArchiveRecords): ArchiveIdentity {
  const complete = records.poms.filter((p) => isComplete(p.id)).map((p) => p.id as MavenId);
  const own = complete.find((id) => sameArtifact(id.artifactId, records.fileName.name));
  if (own) return { own, shaded: complete.filter((id) => id !== own) };
  if (complete.length === 1 && records.fileName.version === undefined) {
    return { own: complete[0], shaded: [] };
  }
  return { own: fromManifest(records), shaded: complete };
}

function isComplete(id: Partial<MavenId>): boolean {
  return Boolean(id.groupId && id.artifactId && id.version);
}

function sameArtifact(artifactId: string, fileName: string): boolean {
  return fileName === artifactId || fileName.endsWith(`.${artifactId}`);
}

const VERSION_KEYS = ["Implementation-Version", "Plugin-Version", "Bundle-Version"];
const GROUP_KEYS = ["Group-Id", "Implementation-Vendor-Id"];

/** The archive's identity from its manifest, falling back to its file name piece by piece. */
function fromManifest(records: ArchiveRecords): MavenId | undefined {
  const main = records.manifest?.main ?? new Map<string, string>();
  const artifactId = records.fileName.name;
  const version = firstValue(main, VERSION_KEYS)?.split(/\s+/)[0] ?? records.fileName.version;
  if (!version || !artifactId) return undefined;
  const groupId =
    firstValue(main, GROUP_KEYS) ??
    groupFromSymbolicName(main.get("Bundle-SymbolicName"), artifactId) ??
    groupFromName(artifactId);
  const fromManifestVersion = firstValue(main, VERSION_KEYS) !== undefined;
  return { groupId, artifactId, version, from: fromManifestVersion ? "manifest" : "file name" };
}

function firstValue(headers: Map<string, string>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = headers.get(key)?.trim();
    if (value) return value;
  }
  return undefined;
}

/** `org.example.lib;singleton:=true` for artifact `lib` → `org.example`. */
function groupFromSymbolicName(value: string | undefined, artifactId: string): string | undefined {
  const name = value?.split(";")[0]?.trim();
  if (!name || /\s/.test(name) || !name.includes(".")) return undefined;
  if (name.endsWith(`.${artifactId}`)) return name.slice(0, -artifactId.length - 1);
  return name === artifactId ? groupFromName(artifactId) : name;
}

/** A dotted artifact name (`org.eclipse.sisu.inject`) carries its group; else the name is it. */
function groupFromName(artifactId: string): string {
  const dot = artifactId.lastIndexOf(".");
  return dot > 0 ? artifactId.slice(0, dot) : artifactId;
}
