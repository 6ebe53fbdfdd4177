/** What changed between two images: packages, findings, sizes and layers (Docker Scout's compare). */
export { diffFindings } from "./diff-findings.js";
export { type DiffInput, type DiffOptions, diffImages, scanForDiff } from "./diff-images.js";
export { diffLayers } from "./diff-layers.js";
export { diffPackages } from "./diff-packages.js";
export { isOsType, packageIdentity } from "./package-identity.js";
export { DIFF_FORMATS, type DiffFormat, parseDiffFormat, renderDiff } from "./render-diff.js";
export { renderDiffMarkdown } from "./render-markdown.js";
export { renderDiffTable } from "./render-table.js";
export * from "./types.js";
export { type Ordering, orderVersions, schemeForType } from "./version-order.js";
