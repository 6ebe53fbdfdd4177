import type { Distro, Location, Package } from "../../types.js";
import { distroQualifier, formatPurl } from "../purl.js";
import type { RpmRecord } from "./rpm-record.js";

/** purl namespaces of rpm distros whose os-release id is not the vendor's name. */
const NAMESPACES: Record<string, string> = {
  rhel: "redhat",
  ol: "oracle",
  amzn: "amazon",
  sles: "suse",
  "sle-micro": "suse",
  "opensuse-leap": "opensuse",
  "opensuse-tumbleweed": "opensuse",
};

/** Where a record was found. */
export interface RecordPlace {
  cataloger: string;
  locations: Location[];
  layer?: string;
  distro?: Distro;
}

/** `epoch:version-release`, the epoch only when the package has one, as rpm prints it. */
export function evrOf(record: RpmRecord): string {
  const vr = record.release ? `${record.version}-${record.release}` : record.version;
  return record.epoch !== undefined ? `${record.epoch}:${vr}` : vr;
}

/** The key under which a record is followed across versions of its database. */
export function recordKey(record: RpmRecord): string {
  return `${record.name}-${evrOf(record)}.${record.arch ?? ""}`;
}

/**
 * Builds the package. The purl follows the purl spec's rpm type: the version is
 * `version-release`, the epoch a qualifier, the source rpm in `upstream`
 * (`pkg:rpm/redhat/openssl@1.1.1k-7.el8?arch=x86_64&distro=rhel-8.6&epoch=1`); without a
 * detected distro there is no namespace, as the vendor cannot be told from the package alone.
 */
export function toPackage(record: RpmRecord, place: RecordPlace): Package {
  const pkg: Package = {
    name: record.name,
    version: evrOf(record),
    type: "rpm",
    purl: purlOf(record, place.distro),
    foundBy: place.cataloger,
    foundHow: "installed",
    locations: place.locations,
    layer: place.layer,
    arch: record.arch,
    epoch: record.epoch,
    licenses: record.license ? [record.license] : undefined,
    source: record.sourceRpm ? sourceOf(record.sourceRpm) : undefined,
    maintainer: record.packager,
    description: record.summary,
    files: record.files.length > 0 ? record.files : undefined,
    metadata: metadataOf(record),
  };
  return JSON.parse(JSON.stringify(pkg)) as Package;
}

function purlOf(record: RpmRecord, distro: Distro | undefined): string {
  return formatPurl({
    type: "rpm",
    namespace: distro ? (NAMESPACES[distro.id] ?? distro.id) : undefined,
    name: record.name,
    version: record.release ? `${record.version}-${record.release}` : record.version,
    qualifiers: {
      arch: record.arch,
      epoch: record.epoch ? String(record.epoch) : undefined,
      distro: distroQualifier(distro),
      upstream: record.sourceRpm,
    },
  });
}

/** `util-linux-2.32.1-42.el8_8.src.rpm` → `util-linux`, `2.32.1-42.el8_8`. */
export function sourceOf(sourceRpm: string): { name: string; version?: string } {
  const match = /^(.+)-([^-]+-[^-]+)\.(?:no)?src\.rpm$/.exec(sourceRpm);
  return match ? { name: match[1] as string, version: match[2] } : { name: sourceRpm };
}

function metadataOf(record: RpmRecord): Record<string, unknown> {
  return {
    version: record.version,
    release: record.release,
    sourceRpm: record.sourceRpm,
    vendor: record.vendor,
    size: record.size,
    sigmd5: record.sigmd5,
    modularityLabel: record.modularityLabel,
  };
}
