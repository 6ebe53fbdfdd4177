import { classifyLicense, declaredLicenses } from "../shared/licenses.js";
import { type ExtractedLicense, NOASSERTION } from "./document-types.js";
import { sanitizeIdPart } from "./spdx-id.js";

/**
 * Turns declared licence strings into SPDX expressions for a whole document. A string the SPDX
 * grammar accepts is kept; any other becomes `LicenseRef-<name>`, defined once in
 * `hasExtractedLicensingInfos` with the declared text, as clause 10 requires for refs used.
 */
export class LicenseRefs {
  readonly #byText = new Map<string, ExtractedLicense>();

  /** The declared expression of one package: its licences joined by AND, or NOASSERTION. */
  declared(licenses: readonly string[] | undefined): string {
    const parts = declaredLicenses(licenses).map((l) => this.#expressionOf(l));
    if (parts.length === 0) return NOASSERTION;
    return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(" AND ");
  }

  /** Every licence the document referred to by LicenseRef, in order of first use. */
  extracted(): ExtractedLicense[] {
    return [...this.#byText.values()];
  }

  #expressionOf(text: string): string {
    const classified = classifyLicense(text);
    // A ref the package itself wrote (`LicenseRef-x`) has no definition here: define it too.
    const isOwnRef = /\b(LicenseRef|DocumentRef)-/.test(text);
    if (classified.kind === "name" || isOwnRef) return this.#refFor(text);
    return classified.kind === "id" ? classified.id : classified.expression;
  }

  #refFor(text: string): string {
    const known = this.#byText.get(text);
    if (known) return known.licenseId;
    const taken = new Set([...this.#byText.values()].map((l) => l.licenseId));
    const isRef = /^LicenseRef-[A-Za-z0-9.-]+$/.test(text);
    const base = isRef ? text : `LicenseRef-${sanitizeIdPart(text)}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    this.#byText.set(text, { licenseId: id, name: text, extractedText: text });
    return id;
  }
}
