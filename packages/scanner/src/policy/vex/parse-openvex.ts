import { PolicyError } from "../errors.js";
import type { VexProduct, VexStatement, VexStatus } from "../types.js";

const STATUSES: readonly VexStatus[] = ["not_affected", "affected", "fixed", "under_investigation"];

type Json = Record<string, unknown>;

/**
 * Reads an OpenVEX document (https://github.com/openvex/spec, v0.2.0; the v0.0.x shape with
 * string vulnerabilities and product lists is read too). Statements are kept whole; a document
 * that is not OpenVEX, or a statement without vulnerability, products or a known status, is a
 * {@link PolicyError}: a VEX file read half would report findings its author meant to close.
 */
export function parseOpenVex(text: string, file: string): VexStatement[] {
  const doc = parseJson(text, file);
  const context = String(doc["@context"] ?? "");
  if (!context.startsWith("https://openvex.dev/ns"))
    throw new PolicyError(`${file}: not an OpenVEX document ("@context" is not openvex.dev/ns)`);
  if (!Array.isArray(doc.statements)) throw new PolicyError(`${file}: "statements" is not a list`);
  const document = doc["@id"] ? `${file} (${doc["@id"]})` : file;
  const timestamp = typeof doc.timestamp === "string" ? doc.timestamp : undefined;
  return doc.statements.map((s, i) =>
    toStatement(s, `${file}: statements[${i}]`, document, timestamp),
  );
}

function parseJson(text: string, file: string): Json {
  try {
    const doc = JSON.parse(text) as unknown;
    if (typeof doc === "object" && doc !== null && !Array.isArray(doc)) return doc as Json;
  } catch (err) {
    throw new PolicyError(`${file}: not JSON: ${(err as Error).message}`, { cause: err });
  }
  throw new PolicyError(`${file}: an OpenVEX document is a JSON object`);
}

function toStatement(raw: unknown, where: string, document: string, docTime?: string) {
  const s = (typeof raw === "object" && raw !== null ? raw : {}) as Json;
  const status = s.status as VexStatus;
  if (!STATUSES.includes(status))
    throw new PolicyError(`${where}: status must be one of ${STATUSES.join(", ")}`);
  const vulnerability = vulnerabilityNames(s.vulnerability);
  if (vulnerability.length === 0) throw new PolicyError(`${where}: no vulnerability named`);
  const products = productsOf(s.products);
  if (products.length === 0) throw new PolicyError(`${where}: no products named`);
  const statement: VexStatement = { vulnerability, products, status, document };
  setText(statement, "justification", s.justification);
  setText(statement, "impactStatement", s.impact_statement);
  setText(statement, "actionStatement", s.action_statement);
  setText(statement, "timestamp", s.timestamp ?? docTime);
  return statement;
}

function setText(target: VexStatement, key: keyof VexStatement, value: unknown): void {
  if (typeof value === "string" && value !== "") (target as unknown as Json)[key] = value;
}

/** v0.2.0: `{name, @id, aliases}`; v0.0.x: a bare string. */
function vulnerabilityNames(raw: unknown): string[] {
  if (typeof raw === "string") return [raw];
  if (typeof raw !== "object" || raw === null) return [];
  const v = raw as Json;
  const names = [v.name, v["@id"], ...(Array.isArray(v.aliases) ? v.aliases : [])];
  return [...new Set(names.filter((n): n is string => typeof n === "string" && n !== ""))];
}

/** v0.2.0: `[{@id, subcomponents: [{@id}]}]`; v0.0.x: `["pkg:..."]`. */
function productsOf(raw: unknown): VexProduct[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((p): VexProduct[] => {
    const id = typeof p === "string" ? p : idOf(p);
    if (!id) return [];
    const subs = typeof p === "object" && p !== null ? (p as Json).subcomponents : undefined;
    const subcomponents = Array.isArray(subs) ? subs.map(idOf).filter((x) => x !== undefined) : [];
    return [{ id, subcomponents: subcomponents as string[] }];
  });
}

function idOf(raw: unknown): string | undefined {
  if (typeof raw === "string") return raw;
  if (typeof raw !== "object" || raw === null) return undefined;
  const id = (raw as Json)["@id"];
  return typeof id === "string" && id !== "" ? id : undefined;
}
