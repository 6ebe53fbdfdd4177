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
  /**
   * TODO: an archive is held whole from the moment its layer is read until cataloging, so an
   * image of many big jars or wars holds them all at once (Go and Rust binaries are held as a
   * small record instead, through `condense`). The walk reads zips with yauzl, which is
   * asynchronous while `condense` runs as the layer is parsed; reading the central directory
   * as the body streams past would let an archive be held as the few entries the walk opens.
   */
  maxFileSize: 512 * 1024 * 1024,
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

async function catalogFile(file: CapturedFile, location: Location, mode: CatalogContext["mode"]) {
  const name = baseName(file.path);
  if (isJavaArchiveName(name)) return catalogArchive(file.content, location);
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
