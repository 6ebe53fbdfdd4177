import { baseName } from "../../filetree/paths.js";
import type { CapturedFile } from "../../filetree/types.js";
import type { Location, Package, Unknown } from "../../types.js";
import type { CatalogContext, Cataloger, CatalogResult } from "../types.js";
import { catalogArchive } from "./archive-walk.js";
import { isJavaArchiveName } from "./file-name.js";
import { parseGradleLockfile } from "./gradle-lockfile.js";
import { JAVA_CATALOGER, mavenPackage } from "./package.js";
import { parsePomXml } from "./pom-xml.js";

/**
 * Java: archives (jar, war, ear, par, jpi, hpi, kar and the archives nested in them) in every
 * scan; `pom.xml` in directory scans, where it describes the source being scanned (in an image
 * it is usually a leftover of a build or a copy in a local repository); `gradle.lockfile` in both.
 */
export const javaCataloger = {
  name: JAVA_CATALOGER,
  wants(path: string): boolean {
    const name = baseName(path);
    return isJavaArchiveName(name) || name === "pom.xml" || name === "gradle.lockfile";
  },
  maxFileSize: 512 * 1024 * 1024,
  /**
   * An archive is walked as soon as its layer has read it and held as what the walk found, so
   * that an image of many big jars and wars does not hold them all until cataloging.
   */
  async condense(path: string, content: Buffer): Promise<Buffer | undefined> {
    if (!isJavaArchiveName(baseName(path))) return undefined;
    const found = await catalogArchive(content, { path });
    const record: ArchiveRecord = { origin: path, ...found };
    return Buffer.concat([RECORD_MARK, Buffer.from(JSON.stringify(record))]);
  },
  async catalog(context: CatalogContext): Promise<CatalogResult> {
    const result: CatalogResult = { packages: [], unknowns: [] };
    for (const file of context.tree.capturedFiles()) {
      const location = { path: file.path, layer: context.layerId(file.layerIndex) };
      const found = await catalogFile(file, location, context.mode);
      result.packages.push(...found.packages);
      result.unknowns.push(...found.unknowns);
    }
    return result;
  },
} satisfies Cataloger;

/** Opens the record `condense` makes of an archive; no zip starts with a NUL. */
const RECORD_MARK = Buffer.from("\0lading:java-archive\0", "latin1");

/**
 * What the walk of an archive found, and where the layer had the archive: the squashed tree may
 * show the same bytes at another path (a hard link, a path through a symlinked directory), so
 * paths are moved to where it is seen when the record is read.
 */
interface ArchiveRecord extends CatalogResult {
  origin: string;
}

/** What the walk of an archive found, from the record `condense` made of it. */
function readRecord(content: Buffer, location: Location): CatalogResult {
  const text = content.toString("utf8", RECORD_MARK.length);
  const record = JSON.parse(text) as ArchiveRecord;
  const { origin, ...found } = record;
  const moved = (path: string) =>
    path === origin || path.startsWith(`${origin}!/`)
      ? `${location.path}${path.slice(origin.length)}`
      : path;
  for (const pkg of found.packages) {
    const virtualPath = pkg.metadata?.virtualPath;
    if (typeof virtualPath === "string")
      pkg.metadata = { ...pkg.metadata, virtualPath: moved(virtualPath) };
    pkg.locations = pkg.locations.map((l) => ({ path: moved(l.path), layer: location.layer }));
    pkg.layer = location.layer;
  }
  for (const u of found.unknowns) {
    u.path = moved(u.path);
    u.layer = location.layer;
  }
  return found;
}

async function catalogFile(file: CapturedFile, location: Location, mode: CatalogContext["mode"]) {
  const name = baseName(file.path);
  if (isJavaArchiveName(name)) {
    const isRecord = file.content.subarray(0, RECORD_MARK.length).equals(RECORD_MARK);
    return isRecord ? readRecord(file.content, location) : catalogArchive(file.content, location);
  }
  try {
    if (name === "gradle.lockfile")
      return { packages: gradlePackages(file, location), unknowns: [] };
    if (name === "pom.xml" && mode === "directory") {
      return { packages: pomPackages(file, location), unknowns: [] };
    }
  } catch (err) {
    return { packages: [], unknowns: [unknown(location, (err as Error).message)] };
  }
  return { packages: [], unknowns: [] };
}

function gradlePackages(file: CapturedFile, location: Location): Package[] {
  return parseGradleLockfile(file.content.toString("utf8")).map((lock) =>
    mavenPackage({
      ...lock,
      foundHow: "lockfile",
      location,
      dev: lock.configurations.length > 0 && lock.configurations.every((c) => /^test/i.test(c)),
      metadata: { configurations: lock.configurations },
    }),
  );
}

/** The project itself (when its coordinates are literal) and each dependency it pins. */
function pomPackages(file: CapturedFile, location: Location): Package[] {
  const pom = parsePomXml(file.content.toString("utf8"));
  const packages: Package[] = [];
  if (pom.groupId && pom.artifactId && pom.version) {
    const { groupId, artifactId, version } = pom;
    const dependsOn = pom.dependencies.map((d) => `${d.groupId}:${d.artifactId}`);
    const metadata = { isProject: true, dependsOn };
    packages.push(
      mavenPackage({
        groupId,
        artifactId,
        version,
        foundHow: "manifest",
        location,
        licenses: pom.licenses,
        metadata,
      }),
    );
  }
  for (const dep of pom.dependencies) {
    const dev = dep.scope === "test";
    const metadata = dep.scope ? { scope: dep.scope } : {};
    packages.push(mavenPackage({ ...dep, foundHow: "manifest", location, dev, metadata }));
  }
  return packages;
}

function unknown(location: Location, reason: string): Unknown {
  return { path: location.path, layer: location.layer, cataloger: JAVA_CATALOGER, reason };
}
