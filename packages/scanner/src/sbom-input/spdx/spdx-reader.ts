import type { Package, ScanResult, Unknown } from "../../types.js";
import { addEdge, attachDependencies, type DependencyGraph } from "../shared/dependencies.js";
import { distroFromPurls } from "../shared/distro-from-purls.js";
import { type DraftContext, finishPackage } from "../shared/package-builder.js";
import { parseUnknownComment } from "../shared/unknown-comment.js";
import type { SbomReader } from "../types.js";
import { LicenseResolver } from "./licenses.js";
import { purlOf, toSpdxDraft } from "./package-draft.js";
import {
  describedIds,
  isOperatingSystem,
  isSubjectPackage,
  relationshipsOf,
  sourceOf,
  toDistro,
  toImage,
} from "./subject.js";
import { validateSpdx } from "./validate.js";

type Json = Record<string, unknown>;

/**
 * SPDX 2.2 and 2.3 JSON: packages with their PACKAGE-MANAGER purls, versions, licences and
 * suppliers; the root the document DESCRIBES as the image; the OPERATING-SYSTEM package as the
 * distro; DEPENDS_ON / DEPENDENCY_OF relationships as each package's `dependsOn`.
 * https://spdx.github.io/spdx-spec/v2.3/
 */
export const spdxJsonReader = {
  id: "spdx-json",
  detect: (document) => "spdxVersion" in document,
  read(document, options) {
    if (options?.validate !== false) validateSpdx(document);
    const all = Array.isArray(document.packages) ? (document.packages as Json[]) : [];
    const described = describedIds(document);
    const root = all.find((p) => described.has(String(p.SPDXID)) && isSubjectPackage(p));
    const os = all.find((p) => p !== root && isOperatingSystem(p));
    const contents = all.filter((p) => p !== root && p !== os);
    const distro = os ? toDistro(os) : distroFromPurls(contents.map(purlOf));
    const context: DraftContext = { readerId: "spdx-json", distro, unknowns: unknownsOf(document) };
    const image = toImage(root);
    return {
      source: sourceOf(root, document),
      ...(image ? { image } : {}),
      ...(distro ? { distro } : {}),
      packages: readPackages(document, all, contents, context),
      unknowns: context.unknowns,
      timings: {},
    } satisfies ScanResult;
  },
} satisfies SbomReader;

function readPackages(
  document: Json,
  all: Json[],
  contents: Json[],
  context: DraftContext,
): Package[] {
  const licenses = new LicenseResolver(document.hasExtractedLicensingInfos);
  const packages = contents.map((p) =>
    finishPackage(toSpdxDraft(p, `/packages/${all.indexOf(p)}`, licenses), context),
  );
  const refs = contents.map((p) => String(p.SPDXID));
  attachDependencies(packages, refs, dependencyGraph(document));
  return packages;
}

function dependencyGraph(document: Json): DependencyGraph {
  const graph: DependencyGraph = new Map();
  for (const r of relationshipsOf(document)) {
    const [from, to] = [String(r.spdxElementId), String(r.relatedSpdxElement)];
    if (r.relationshipType === "DEPENDS_ON") addEdge(graph, from, to);
    if (r.relationshipType === "DEPENDENCY_OF") addEdge(graph, to, from);
  }
  return graph;
}

// Lading writes each unknown as an annotation; other tools' annotations are not unknowns.
function unknownsOf(document: Json): Unknown[] {
  const annotations = Array.isArray(document.annotations) ? (document.annotations as Json[]) : [];
  return annotations.flatMap((a) => parseUnknownComment(a.comment) ?? []);
}
