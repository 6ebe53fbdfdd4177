import * as Serialize from "@cyclonedx/cyclonedx-library/Serialize";
import type { Format } from "../types.js";
import { buildBom } from "./build-bom.js";
import { type SpecVersion, specVersions, supportedVersions } from "./spec-versions.js";

/**
 * CycloneDX JSON through the CycloneDX JavaScript library: the model is built once and the
 * normalizer of the requested spec version decides what that version can hold.
 */
export const cyclonedxJsonFormat = {
  id: "cyclonedx-json",
  versions: supportedVersions,
  write(result, context, version) {
    const spec = specVersions[(version ?? supportedVersions[0]) as SpecVersion];
    const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(spec));
    // Sorted lists make the same scan give the same document, apart from serial and time.
    return `${serializer.serialize(buildBom(result, context), { sortLists: true, space: 2 })}\n`;
  },
} satisfies Format;
