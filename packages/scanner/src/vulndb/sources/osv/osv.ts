import type {
  Advisory,
  AdvisorySource,
  Affected,
  AffectedRange,
  ConvertResult,
  RangeEvent,
  RawSeverity,
} from "../../types.js";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
const text = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);

/**
 * OSV records (https://ossf.github.io/osv-schema/), as osv.dev, GHSA, PyPA, the Go vulndb,
 * RustSec and Ubuntu export them: one JSON object per file, or one per entry of osv.dev's
 * per-ecosystem `all.zip`.
 */
export const osv = {
  name: "osv",
  accepts: (doc) => isObject(doc) && typeof doc.id === "string" && "modified" in doc,
  convert: (doc, fileName): ConvertResult => {
    const record = doc as Json;
    const id = text(record.id);
    if (!id) return { advisories: [], skipped: [{ path: fileName, reason: "record has no id" }] };
    const affected = Array.isArray(record.affected) ? record.affected.flatMap(toAffected) : [];
    if (affected.length === 0)
      return {
        advisories: [],
        skipped: [{ path: `${fileName}#${id}`, reason: "no affected package" }],
      };
    return { advisories: [toAdvisory(record, id, affected)], skipped: [] };
  },
} satisfies AdvisorySource;

function toAdvisory(record: Json, id: string, affected: Affected[]): Advisory {
  // Ubuntu's records name their CVE in `upstream`, AlmaLinux's in `related`: both are the same
  // vulnerability, so they join the aliases that findings merge on.
  const aliases = [...strings(record.aliases), ...strings(record.upstream)];
  for (const related of strings(record.related)) if (/^CVE-/.test(related)) aliases.push(related);
  return {
    id,
    aliases: [...new Set(aliases)].filter((a) => a !== id),
    summary: text(record.summary) ?? firstLine(text(record.details)),
    published: text(record.published),
    modified: text(record.modified),
    withdrawn: text(record.withdrawn),
    severity: toSeverities(record.severity, record.database_specific),
    references: Array.isArray(record.references)
      ? record.references.flatMap((r) => (isObject(r) && text(r.url) ? [r.url as string] : []))
      : [],
    affected,
  };
}

function firstLine(details: string | undefined): string | undefined {
  return details?.trim().split("\n")[0]?.slice(0, 200) || undefined;
}

function toSeverities(severity: unknown, specific: unknown): RawSeverity[] {
  const out: RawSeverity[] = Array.isArray(severity)
    ? severity.flatMap((s) =>
        isObject(s) && text(s.type) && text(s.score)
          ? [{ type: s.type as string, score: s.score as string }]
          : [],
      )
    : [];
  // GHSA's own word (LOW/MODERATE/HIGH/CRITICAL), kept as a rating of its own.
  if (isObject(specific) && text(specific.severity))
    out.push({ type: "GHSA", score: specific.severity as string });
  return out;
}

function toAffected(entry: unknown): Affected[] {
  if (!isObject(entry) || !isObject(entry.package)) return [];
  const { ecosystem, name } = entry.package;
  if (typeof ecosystem !== "string" || typeof name !== "string" || !name) return [];
  const severity = affectedSeverity(entry);
  return [
    {
      ecosystem,
      name,
      ranges: Array.isArray(entry.ranges) ? entry.ranges.flatMap(toRange) : [],
      versions: strings(entry.versions).length > 0 ? strings(entry.versions) : undefined,
      ...(severity ? { severity } : {}),
    },
  ];
}

/** Ubuntu puts its priority in the record's `severity` as type `Ubuntu`; OSV 1.7 allows it per package. */
function affectedSeverity(entry: Json): string | undefined {
  if (!Array.isArray(entry.severity)) return undefined;
  const vendor = entry.severity.find((s) => isObject(s) && s.type === "Ubuntu");
  return isObject(vendor) ? text(vendor.score) : undefined;
}

function toRange(range: unknown): AffectedRange[] {
  if (!isObject(range) || !Array.isArray(range.events)) return [];
  const type = range.type;
  if (type !== "ECOSYSTEM" && type !== "SEMVER" && type !== "GIT") return [];
  const events = range.events.filter(isObject).map((e) => {
    const event: RangeEvent = {};
    for (const key of ["introduced", "fixed", "last_affected", "limit"] as const)
      if (typeof e[key] === "string") event[key] = e[key] as string;
    return event;
  });
  return [{ type, events: events.filter((e) => Object.keys(e).length === 1) }];
}
