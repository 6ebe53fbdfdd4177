import type { CapturedFile } from "../../filetree/types.js";
import type { Location, Package, Unknown } from "../../types.js";
import { attributeLayers } from "../layer-attribution.js";
import type { CatalogContext, Cataloger, CatalogResult } from "../types.js";
import { recordKey, toPackage } from "./package.js";
import { parseManifest } from "./parse-manifest.js";
import { readDatabase } from "./read-database.js";
import type { RpmRecord } from "./rpm-record.js";

const NAME = "rpm";
const DB_DIRS = ["/var/lib/rpm", "/usr/lib/sysimage/rpm", "/usr/share/rpm"];
const DB_FILES = ["rpmdb.sqlite", "Packages.db", "Packages"];
const MANIFEST = "/var/lib/rpmmanifest/container-manifest-2";

/** Every path an rpm database may live at, in the order rpm's own dbpath defaults changed. */
const DATABASES = DB_DIRS.flatMap((dir) => DB_FILES.map((file) => `${dir}/${file}`));

type Reader = (content: Buffer) => { records: RpmRecord[]; broken: string[] };

/**
 * Packages installed by rpm, from its database in any of its three formats (SQLite, NDB,
 * Berkeley DB), read without the rpm binary; and from the package manifest of distroless
 * CBL-Mariner images. Each package is attributed to the layer from which its exact
 * name-epoch:version-release.arch has been in the database ever since.
 */
export const rpmCataloger = {
  name: NAME,
  /** rpm databases of full systems reach 100-300 MB (Berkeley DB keeps freed pages). */
  maxFileSize: 512 * 1024 * 1024,
  wants: (path: string) => path === MANIFEST || DATABASES.includes(path),
  catalog(context: CatalogContext): CatalogResult {
    const result: CatalogResult = { packages: [], unknowns: [] };
    const seen = new Set<string>();
    const sources: [string, Reader][] = [
      ...DATABASES.map((path): [string, Reader] => [path, readDatabase]),
      [MANIFEST, (c) => parseManifest(c.toString("utf8"))],
    ];
    for (const [path, reader] of sources) {
      const partial = catalogFile(context, path, reader);
      // One image may carry the same database twice (a copy at the old dbpath); count once.
      result.packages.push(...partial.packages.filter((p) => !seen.has(p.purl)));
      for (const p of partial.packages) seen.add(p.purl);
      result.unknowns.push(...partial.unknowns);
    }
    return result;
  },
} satisfies Cataloger;

function catalogFile(context: CatalogContext, path: string, reader: Reader): CatalogResult {
  const versions = context.tree.versions(path);
  const newest = versions.at(-1);
  if (newest === undefined) return { packages: [], unknowns: [] };
  const location: Location = { path, layer: context.layerId(newest.layerIndex) };
  const unknown = (reason: string): Unknown => ({ ...location, cataloger: NAME, reason });
  let read: ReturnType<Reader>;
  try {
    read = reader(newest.content);
  } catch (err) {
    return { packages: [], unknowns: [unknown((err as Error).message)] };
  }
  const owners = attribute(versions, read.records, reader);
  const packages: Package[] = read.records.map((record) =>
    toPackage(record, {
      cataloger: NAME,
      locations: [location],
      layer: context.layerId(owners.get(recordKey(record)) ?? newest.layerIndex),
      distro: context.distro,
    }),
  );
  return { packages, unknowns: read.broken.map(unknown) };
}

function attribute(versions: readonly CapturedFile[], records: RpmRecord[], reader: Reader) {
  const keysOf = (content: Buffer) => new Set(reader(content).records.map(recordKey));
  return attributeLayers(versions, keysOf, records.map(recordKey));
}
