import { splitJoinedExpression } from "../shared/licenses.js";

type Json = Record<string, unknown>;

const NO_CLAIM = new Set(["", "NOASSERTION", "NONE"]);

/**
 * Reads a package's licences: the declared expression, else the concluded one. A
 * `LicenseRef-` alone stands for the licence `hasExtractedLicensingInfos` defines: its name,
 * or its text when that is a short single line (syft and Lading put the licence name there).
 */
export class LicenseResolver {
  readonly #names = new Map<string, string>();

  constructor(extracted: unknown) {
    for (const info of Array.isArray(extracted) ? (extracted as Json[]) : []) {
      const name = readableName(info);
      if (typeof info.licenseId === "string" && name) this.#names.set(info.licenseId, name);
    }
  }

  /** The licences of one SPDX package, or an empty list when it makes no claim. */
  licensesOf(pkg: Json): string[] {
    const expression = [pkg.licenseDeclared, pkg.licenseConcluded].find(
      (e): e is string => typeof e === "string" && !NO_CLAIM.has(e.trim()),
    );
    if (!expression) return [];
    return splitJoinedExpression(expression).map((part) => this.#names.get(part) ?? part);
  }
}

function readableName(info: Json): string | undefined {
  if (typeof info.name === "string" && info.name.trim()) return info.name;
  const text = info.extractedText;
  if (typeof text !== "string") return undefined;
  return text.length <= 80 && !text.includes("\n") ? text.trim() : undefined;
}
