import * as Spec from "@cyclonedx/cyclonedx-library/Spec";

/**
 * The CycloneDX spec versions Lading writes, newest first; the first is the default. What each
 * version can hold is the library's spec object, consulted by its normalizer, so no version
 * check is needed anywhere else. https://cyclonedx.org/docs/1.6/json/
 */
export const specVersions: Readonly<Record<SpecVersion, typeof Spec.Spec1dot6>> = {
  "1.6": Spec.Spec1dot6,
  "1.5": Spec.Spec1dot5,
};

/** A CycloneDX spec version Lading can write. */
export type SpecVersion = "1.6" | "1.5";

/** The supported versions as `-o cyclonedx-json@VERSION` accepts them, default first. */
export const supportedVersions = Object.keys(specVersions) as SpecVersion[];
