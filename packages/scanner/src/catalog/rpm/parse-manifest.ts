import type { RpmRecord } from "./rpm-record.js";

/**
 * CBL-Mariner / Azure Linux distroless images carry no rpm database, only a manifest
 * (`/var/lib/rpmmanifest/container-manifest-2`): one tab-separated line per package with name,
 * version-release, install time, build time, vendor, epoch (`(none)`), size, arch, a checksum
 * field, and source rpm.
 */
export function parseManifest(text: string): { records: RpmRecord[]; broken: string[] } {
  const records: RpmRecord[] = [];
  const broken: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const record = readLine(line.split("\t"));
    if (record) records.push(record);
    else broken.push(`line ${i + 1} is not a name, version-release, ... source rpm line`);
  });
  return { records, broken };
}

function readLine(fields: string[]): RpmRecord | undefined {
  const [name, versionRelease, , , vendor, epoch, size, arch, , sourceRpm] = fields;
  const dash = versionRelease?.lastIndexOf("-") ?? -1;
  if (!name || !versionRelease || fields.length < 10 || dash <= 0) return undefined;
  const epochNumber = Number.parseInt(epoch ?? "", 10);
  const sizeNumber = Number.parseInt(size ?? "", 10);
  return {
    name,
    version: versionRelease.slice(0, dash),
    release: versionRelease.slice(dash + 1),
    epoch: Number.isNaN(epochNumber) ? undefined : epochNumber,
    arch: arch || undefined,
    sourceRpm: sourceRpm || undefined,
    vendor: vendor || undefined,
    size: Number.isNaN(sizeNumber) ? undefined : sizeNumber,
    files: [],
  };
}
