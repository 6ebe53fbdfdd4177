import type { Location, Package, Unknown } from "../../types.js";
import { isJavaArchiveName, parseArchiveFileName } from "./file-name.js";
import { type ArchiveRecords, identify, type MavenId } from "./identity.js";
import { parseManifest } from "./manifest.js";
import { JAVA_CATALOGER, mavenPackage } from "./package.js";
import { parsePomProperties } from "./pom-properties.js";
import { parsePomXml } from "./pom-xml.js";
import { InflateBudget, type OpenedZip, openZip, type ZipEntry } from "./zip-reader.js";

/** Deepest nesting read (an archive in an archive in ...); deeper ones become unknowns. */
export const MAX_NESTING_DEPTH = 16;

/** Inflated bytes allowed per outermost archive, everything nested in it included. */
export const INFLATE_BUDGET_BYTES = 512 * 1024 * 1024;

/** Where the walk of one outermost archive reports to. */
interface Walk {
  location: Location;
  budget: InflateBudget;
  packages: Package[];
  unknowns: Unknown[];
}

/**
 * Catalogs an archive and every Java archive nested in it, reading each zip's central
 * directory first and inflating only manifests, Maven records and nested archives.
 */
export async function catalogArchive(buffer: Buffer, location: Location, budgetBytes?: number) {
  const walk: Walk = {
    location,
    budget: new InflateBudget(budgetBytes ?? INFLATE_BUDGET_BYTES),
    packages: [],
    unknowns: [],
  };
  await visit(buffer, location.path, 0, walk);
  return { packages: walk.packages, unknowns: walk.unknowns };
}

async function visit(buffer: Buffer, virtualPath: string, depth: number, walk: Walk) {
  let zip: OpenedZip;
  try {
    zip = await openZip(buffer);
  } catch (err) {
    return addUnknown(walk, virtualPath, `not a readable zip archive: ${(err as Error).message}`);
  }
  try {
    const records = await readRecords(zip, virtualPath, walk);
    addPackages(records, virtualPath, depth, walk);
    for (const entry of zip.entries.filter((e) => !e.isDirectory && isJavaArchiveName(e.name))) {
      await visitNested(zip, entry, `${virtualPath}!/${entry.name}`, depth + 1, walk);
    }
  } finally {
    zip.close();
  }
}

async function visitNested(
  zip: OpenedZip,
  entry: ZipEntry,
  path: string,
  depth: number,
  walk: Walk,
) {
  if (depth > MAX_NESTING_DEPTH) {
    return addUnknown(walk, path, `nested deeper than ${MAX_NESTING_DEPTH} archives; not read`);
  }
  const buffer = await readSafely(zip, entry, path, walk);
  if (buffer !== undefined) await visit(buffer, path, depth, walk);
}

async function readSafely(zip: OpenedZip, entry: ZipEntry, path: string, walk: Walk) {
  try {
    return await zip.read(entry, walk.budget);
  } catch (err) {
    addUnknown(walk, path, `entry not read: ${(err as Error).message}`);
    return undefined;
  }
}

const POM_PROPERTIES = /(^|\/)pom\.properties$/;
const MAVEN_POM_XML = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.xml$/;

async function readRecords(zip: OpenedZip, virtualPath: string, walk: Walk) {
  const records: ArchiveRecords = { fileName: parseArchiveFileName(virtualPath), poms: [] };
  for (const entry of zip.entries) {
    const isManifest = entry.name === "META-INF/MANIFEST.MF";
    const isPom = POM_PROPERTIES.test(entry.name) || MAVEN_POM_XML.test(entry.name);
    if (!isManifest && !isPom) continue;
    const buffer = await readSafely(zip, entry, `${virtualPath}!/${entry.name}`, walk);
    if (buffer === undefined) continue;
    if (isManifest) records.manifest = parseManifest(buffer.toString("utf8"));
    else addPomRecord(records, entry.name, buffer, `${virtualPath}!/${entry.name}`, walk);
  }
  dropPomXmlBesideProperties(records);
  return records;
}

function addPomRecord(
  records: ArchiveRecords,
  entry: string,
  buffer: Buffer,
  path: string,
  walk: Walk,
) {
  const text = buffer.toString("utf8");
  if (entry.endsWith(".properties")) {
    const props = parsePomProperties(text);
    records.poms.push({ entry, id: { ...props, from: "pom.properties", entry } });
    return;
  }
  try {
    const pom = parsePomXml(text);
    records.poms.push({ entry, id: { ...pom, from: "pom.xml", entry } });
  } catch (err) {
    addUnknown(walk, path, `pom.xml not readable: ${(err as Error).message}`);
  }
}

/** Maven writes both files per artifact; the properties file is the resolved one. */
function dropPomXmlBesideProperties(records: ArchiveRecords): void {
  const dirs = new Set(
    records.poms.filter((p) => p.id.from === "pom.properties").map((p) => dir(p.entry)),
  );
  records.poms = records.poms.filter((p) => p.id.from !== "pom.xml" || !dirs.has(dir(p.entry)));
}

function dir(entry: string): string {
  return entry.slice(0, entry.lastIndexOf("/"));
}

function addPackages(records: ArchiveRecords, virtualPath: string, depth: number, walk: Walk) {
  const identity = identify(records);
  const main = records.manifest?.main;
  const license = main?.get("Bundle-License") ?? main?.get("Plugin-License-Name");
  if (identity.own)
    walk.packages.push(archivePackage(identity.own, virtualPath, depth, walk, license));
  for (const shaded of identity.shaded) {
    const pkg = archivePackage(shaded, virtualPath, depth, walk);
    pkg.metadata = { ...pkg.metadata, shadedInto: virtualPath };
    walk.packages.push(pkg);
  }
}

function archivePackage(
  id: MavenId,
  virtualPath: string,
  depth: number,
  walk: Walk,
  license?: string,
) {
  return mavenPackage({
    ...id,
    foundHow: "archive",
    location: walk.location,
    licenses: license ? [license] : undefined,
    metadata: { virtualPath, nestingDepth: depth, identifiedBy: id.from, entry: id.entry },
  });
}

function addUnknown(walk: Walk, virtualPath: string, reason: string): void {
  const where = virtualPath === walk.location.path ? "" : ` (${virtualPath})`;
  walk.unknowns.push({
    path: walk.location.path,
    layer: walk.location.layer,
    cataloger: JAVA_CATALOGER,
    reason: `${reason}${where}`,
  });
}
