import type { Distro, Location, Package } from "../../types.js";
import { distroQualifier, formatPurl, osNamespace } from "../purl.js";
import type { DpkgRecord } from "./record.js";

/** The package family a status database belongs to. */
export interface Flavour {
  /** Package and purl type: `deb` or `opkg`. */
  type: string;
  /** Cataloger name, for `foundBy` and unknowns. */
  cataloger: string;
  /** purl namespace when no distro was detected. */
  namespace: string;
}

/** Where a record was found and what else is known of it. */
export interface RecordPlace {
  locations: Location[];
  layer?: string;
  files: string[];
  distro?: Distro;
}

/** Builds the package of an installed record, with its purl. */
export function toPackage(record: DpkgRecord, flavour: Flavour, place: RecordPlace): Package {
  const pkg: Package = {
    name: record.name,
    version: record.version,
    type: flavour.type,
    purl: purlOf(record, flavour, place.distro),
    foundBy: flavour.cataloger,
    foundHow: "installed",
    locations: place.locations,
    layer: place.layer,
    arch: record.arch,
    source: record.source,
    maintainer: record.maintainer,
    description: record.description,
    files: place.files.length > 0 ? place.files : undefined,
    metadata: metadataOf(record),
  };
  return dropUndefined(pkg);
}

/**
 * `pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12`; the source package,
 * when it differs, goes in `upstream` (`name` or `name@version`) as the purl deb type allows.
 */
function purlOf(record: DpkgRecord, flavour: Flavour, distro: Distro | undefined): string {
  const source = record.source;
  const upstream =
    source && (source.name !== record.name || source.version)
      ? source.version
        ? `${source.name}@${source.version}`
        : source.name
      : undefined;
  return formatPurl({
    type: flavour.type,
    namespace: osNamespace(distro, flavour.namespace),
    name: record.name,
    version: record.version,
    qualifiers: { arch: record.arch, distro: distroQualifier(distro), upstream },
  });
}

function metadataOf(record: DpkgRecord): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  if (record.installedSizeKiB !== undefined) metadata.installedSizeKiB = record.installedSizeKiB;
  if (record.depends.length > 0) metadata.depends = record.depends;
  if (record.provides.length > 0) metadata.provides = record.provides;
  return metadata;
}

function dropUndefined(pkg: Package): Package {
  for (const key of Object.keys(pkg) as (keyof Package)[]) {
    if (pkg[key] === undefined) delete pkg[key];
  }
  return pkg;
}
