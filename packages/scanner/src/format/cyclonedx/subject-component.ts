import * as Enums from "@cyclonedx/cyclonedx-library/Enums";
import * as Models from "@cyclonedx/cyclonedx-library/Models";
import type { Distro, ScanResult } from "../../types.js";
import { describeSubject } from "../shared/subject.js";
import { imageProperties, sourceProperties } from "./properties.js";

/**
 * The scanned image (a container component named by its first tag, versioned by its config
 * digest) or directory (a file component), for `metadata.component`.
 */
export function toSubjectComponent(result: ScanResult): Models.Component {
  const subject = describeSubject(result);
  const type = subject.isImage ? Enums.ComponentType.Container : Enums.ComponentType.File;
  const properties = [
    ...sourceProperties(result.source.kind, result.source.target),
    ...(result.image ? imageProperties(result.image) : []),
  ];
  return new Models.Component(type, subject.name, {
    bomRef: `lading:subject:${subject.name}`,
    version: subject.version,
    hashes: configHash(subject.version),
    properties: new Models.PropertyRepository(properties),
  });
}

// The config digest is the image ID, so it is also given as a hash that tools can match on.
function configHash(digest: string | undefined): Models.HashDictionary | undefined {
  if (!digest?.startsWith("sha256:")) return undefined;
  return new Models.HashDictionary([[Enums.HashAlgorithm["SHA-256"], digest.slice(7)]]);
}

/** The distribution as an operating-system component, named by its os-release id. */
export function toDistroComponent(distro: Distro): Models.Component {
  const properties = [
    ["lading:distro:codename", distro.versionCodename],
    ["lading:distro:idLike", distro.idLike?.join(" ")],
    ["lading:distro:name", distro.name],
  ].filter((p): p is [string, string] => Boolean(p[1]));
  return new Models.Component(Enums.ComponentType.OperatingSystem, distro.id, {
    bomRef: `lading:distro:${distro.id}@${distro.versionId ?? ""}`,
    version: distro.versionId,
    description: distro.prettyName,
    properties: new Models.PropertyRepository(
      properties.map(([name, value]) => new Models.Property(name, value)),
    ),
  });
}
