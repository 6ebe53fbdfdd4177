import type { Finding } from "../../match/types.js";
import { purlMatches } from "../purl-match.js";
import type { PolicySubject, VexProduct, VexStatement } from "../types.js";

/**
 * The statement that decides a finding: of those naming one of its ids and its package (or the
 * scanned image as a whole), the latest by timestamp; statements without a time count as
 * oldest, and among equals the one read last wins, as OpenVEX's later-overrides rule asks.
 */
export function decidingStatement(
  statements: readonly VexStatement[],
  finding: Finding,
  subject: PolicySubject | undefined,
): VexStatement | undefined {
  let chosen: VexStatement | undefined;
  for (const statement of statements) {
    if (!statement.vulnerability.some((v) => finding.ids.includes(v) || v === finding.id)) continue;
    if (!statement.products.some((p) => productCovers(p, finding, subject))) continue;
    if (!chosen || (statement.timestamp ?? "") >= (chosen.timestamp ?? "")) chosen = statement;
  }
  return chosen;
}

/** A product covers the package when it is the package, or the image holding it. */
function productCovers(product: VexProduct, finding: Finding, subject?: PolicySubject): boolean {
  const purl = finding.package.purl;
  if (product.id.startsWith("pkg:") && purlMatches(product.id, purl) && !isImage(product.id))
    return true;
  if (!namesSubject(product.id, subject)) return false;
  // An image with no subcomponents listed speaks of everything in it.
  return (
    product.subcomponents.length === 0 ||
    product.subcomponents.some((s) => s === purl || purlMatches(s, purl))
  );
}

function isImage(id: string): boolean {
  return id.startsWith("pkg:oci/") || id.startsWith("pkg:docker/");
}

/** Whether an IRI names the scanned image: by a digest it carries, or by a name it has. */
function namesSubject(id: string, subject?: PolicySubject): boolean {
  if (!subject) return false;
  const digest = /sha256(?::|%3A)([0-9a-f]{64})/i.exec(id)?.[1];
  if (digest) return subject.digests.some((d) => d.endsWith(digest));
  return subject.names.includes(id);
}
