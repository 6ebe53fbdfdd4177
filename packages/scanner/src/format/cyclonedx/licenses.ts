import * as Enums from "@cyclonedx/cyclonedx-library/Enums";
import * as Models from "@cyclonedx/cyclonedx-library/Models";
import { classifyLicense, declaredLicenses } from "../shared/licenses.js";

const declared = { acknowledgement: Enums.LicenseAcknowledgement.Declared };

/**
 * The declared licences of a package as CycloneDX licence choices. The schema allows either a
 * list of single licences or exactly one expression, and the library keeps only the first
 * expression of a mixed list, so compound expressions are joined into one (AND) when every
 * licence parses, and otherwise all are listed as ids and names so that none is lost.
 * https://cyclonedx.org/docs/1.6/json/#components_items_licenses
 */
export function toLicenses(licenses: readonly string[] | undefined): Models.License[] {
  const classified = declaredLicenses(licenses).map(classifyLicense);
  const hasExpression = classified.some((c) => c.kind === "expression");
  const allParse = classified.every((c) => c.kind !== "name");
  if (hasExpression && allParse) return [joinExpressions(classified.map(licenseText))];
  return classified.map((c) =>
    c.kind === "id"
      ? new Models.SpdxLicense(c.id, declared)
      : new Models.NamedLicense(licenseText(c), declared),
  );
}

function licenseText(c: ReturnType<typeof classifyLicense>): string {
  if (c.kind === "id") return c.id;
  return c.kind === "expression" ? c.expression : c.name;
}

function joinExpressions(expressions: string[]): Models.LicenseExpression {
  const text =
    expressions.length === 1 ? expressions[0] : expressions.map((e) => `(${e})`).join(" AND ");
  const expression = new Models.LicenseExpression(text);
  expression.acknowledgement = Enums.LicenseAcknowledgement.Declared;
  return expression;
}
