import type { FoundHow, Location, Package } from "../../types.js";
import { formatPurl } from "../purl.js";

/** Name the Java cataloger records on every package it finds. */
export const JAVA_CATALOGER = "java";

/** Fields that vary between a package read from an archive, a pom or a lockfile. */
export interface MavenPackageInput {
  groupId: string;
  artifactId: string;
  version: string;
  foundHow: FoundHow;
  location: Location;
  licenses?: string[];
  dev?: boolean;
  metadata?: Record<string, unknown>;
}

/** Builds a Maven package: name is the artifactId, the group lives in the purl and metadata. */
export function mavenPackage(input: MavenPackageInput): Package {
  const { groupId, artifactId, version } = input;
  const licenses = input.licenses?.filter((l) => l !== "");
  return {
    name: artifactId,
    version,
    type: "maven",
    purl: formatPurl({ type: "maven", namespace: groupId, name: artifactId, version }),
    foundBy: JAVA_CATALOGER,
    foundHow: input.foundHow,
    locations: [input.location],
    layer: input.location.layer,
    ...(licenses && licenses.length > 0 ? { licenses } : {}),
    ...(input.dev ? { dev: true } : {}),
    metadata: { groupId, artifactId, ...input.metadata },
  };
}
