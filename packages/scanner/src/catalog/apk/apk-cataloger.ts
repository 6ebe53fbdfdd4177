import type { Distro, Location, Package } from "../../types.js";
import { attributeLayers } from "../layer-attribution.js";
import { distroQualifier, formatPurl, osNamespace } from "../purl.js";
import type { CatalogContext, Cataloger, CatalogResult } from "../types.js";
import { type ApkRecord, parseInstalled } from "./parse-installed.js";

const INSTALLED = "/lib/apk/db/installed";
const NAME = "apk";

/**
 * Alpine (and Wolfi, Chainguard, postmarketOS) packages from apk's installed database. Each
 * package is attributed to the layer from which its name and version have been in the
 * database ever since, not to the layer that last rewrote the file.
 */
export const apkCataloger = {
  name: NAME,
  /** A full Alpine desktop's database is a few MB; 64 MB bounds a hostile one. */
  maxFileSize: 64 * 1024 * 1024,
  wants: (path: string) => path === INSTALLED,
  catalog(context: CatalogContext): CatalogResult {
    const versions = context.tree.versions(INSTALLED);
    const newest = versions.at(-1);
    if (newest === undefined) return { packages: [], unknowns: [] };
    const location: Location = { path: INSTALLED, layer: context.layerId(newest.layerIndex) };
    const read = parseInstalled(newest.content.toString("utf8"));
    const records = read.flatMap((r) => ("record" in r ? [r.record] : []));
    const keysOf = (c: Buffer) => new Set(parseInstalled(c.toString("utf8")).flatMap(keyOf));
    const owners = attributeLayers(versions, keysOf, records.map(recordKey));
    const packages = records.map((record) => {
      const layer = context.layerId(owners.get(recordKey(record)) ?? newest.layerIndex);
      return toPackage(record, { location, layer, distro: context.distro });
    });
    const unknowns = read.flatMap((r) =>
      "broken" in r ? [{ ...location, cataloger: NAME, reason: r.broken }] : [],
    );
    return { packages, unknowns };
  },
} satisfies Cataloger;

const recordKey = (r: ApkRecord) => `${r.name}@${r.version}`;
const keyOf = (r: { record: ApkRecord } | { broken: string }) =>
  "record" in r ? [recordKey(r.record)] : [];

interface Place {
  location: Location;
  layer?: string;
  distro?: Distro;
}

/** `pkg:apk/alpine/musl@1.1.22-r3?arch=x86_64&distro=alpine-3.10.2`, origin as `upstream`. */
function toPackage(record: ApkRecord, place: Place): Package {
  const pkg: Package = {
    name: record.name,
    version: record.version,
    type: "apk",
    purl: formatPurl({
      type: "apk",
      namespace: osNamespace(place.distro, "alpine"),
      name: record.name,
      version: record.version,
      qualifiers: {
        arch: record.arch,
        distro: distroQualifier(place.distro),
        upstream: record.origin !== record.name ? record.origin : undefined,
      },
    }),
    foundBy: NAME,
    foundHow: "installed",
    locations: [place.location],
    layer: place.layer,
    arch: record.arch,
    licenses: record.license ? [record.license] : undefined,
    source: record.origin ? { name: record.origin } : undefined,
    maintainer: record.maintainer,
    description: record.description,
    files: record.files.length > 0 ? record.files : undefined,
    metadata: metadataOf(record),
  };
  return JSON.parse(JSON.stringify(pkg)) as Package;
}

function metadataOf(record: ApkRecord): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  if (record.installedSize !== undefined) metadata.installedSize = record.installedSize;
  if (record.depends.length > 0) metadata.depends = record.depends;
  if (record.provides.length > 0) metadata.provides = record.provides;
  if (record.commit) metadata.commit = record.commit;
  return metadata;
}
