import type { Capability, VersionScheme } from "./types.js";

/** Renders every scheme's capabilities as the Markdown table kept in `version/README.md`. */
export function renderCapabilityTable(schemes: readonly VersionScheme[]): string {
  const rows = schemes.flatMap((scheme) => scheme.capabilities.map((c) => renderRow(scheme.id, c)));
  return [
    "| scheme | feature | supported | example | note |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

function renderRow(id: string, capability: Capability): string {
  const { example } = capability;
  const shown =
    "invalid" in example
      ? `${code(example.invalid)} is reported invalid`
      : `${code(example.a)} ${["<", "=", ">"][example.expected + 1]} ${code(example.b)}`;
  const cells = [
    id,
    capability.feature,
    capability.supported ? "yes" : "no",
    shown,
    capability.note ?? "",
  ];
  return `| ${cells.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
}

/** A version as inline code; the empty string is shown as `""` so it stays visible. */
function code(version: string): string {
  return version === "" ? '`""`' : `\`${version}\``;
}
