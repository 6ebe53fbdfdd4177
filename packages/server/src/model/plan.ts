/**
 * A snapshot's remediation plan (the upgrades that fix its findings, as `lading scan --plan`
 * plans them) and the rebuilds that would drop findings: when the image is built on another
 * image the server knows (its layers begin with all of that image's layers), and another
 * snapshot of that base's project carries fewer findings, rebuilding on it removes the base's
 * findings it does not carry.
 */
import type { RemediationPlan } from "@lading/scanner";
import type { Store } from "../db/store.js";
import type { Matcher, SbomReader } from "../sbom/types.js";
import { packageKey } from "./components.js";
import { readStored } from "./match-snapshot.js";

/** Triage states that say a finding needs no fix, so the plan leaves it out. */
const SET_ASIDE = ["false_positive", "not_affected"];

/** The most rebuild suggestions given: the best few are what a reader acts on. */
const MAX_SUGGESTIONS = 3;

/** A snapshot as a rebuild suggestion names it. */
export interface SnapshotRef {
  snapshotId: string;
  projectId: string;
  projectPath: string;
  imageDigest: string | null;
  createdAt: string;
  /** Findings the snapshot carries in all. */
  findings: number;
}

/** "Rebuild on `candidate` removes `removes` findings": the base the image is built on now. */
export interface RebuildSuggestion {
  base: SnapshotRef & { layers: number };
  candidate: SnapshotRef;
  /** Findings of this snapshot on packages its base layers brought that the candidate lacks. */
  removes: number;
  message: string;
}

export interface SnapshotPlan {
  /** Null while the server holds no vulnerability data. */
  plan: RemediationPlan | null;
  rebuild: RebuildSuggestion[];
}

/**
 * Plans the upgrades for one snapshot, leaving out findings triage set aside.
 *
 * TODO: each request reads the stored SBOM and matches it again (tens of milliseconds for a
 * few hundred packages, up to a second for thousands), because the findings table keeps the
 * fixed versions but not what the plan groups by (source package, version scheme); storing
 * those with each finding at match time would let the plan be built from the table.
 */
export async function planSnapshot(
  store: Store,
  reader: SbomReader,
  matcher: Matcher,
  snapshot: { id: string; project_id: string },
): Promise<RemediationPlan | null> {
  if (matcher.plan === undefined) return null;
  const setAside = await store.db
    .selectFrom("triage")
    .select(["package_key", "vulnerability_id"])
    .where("project_id", "=", snapshot.project_id)
    .where("state", "in", SET_ASIDE)
    .execute();
  const skip = new Set(setAside.map((t) => `${t.package_key} ${t.vulnerability_id}`));
  const result = await readStored(store, reader, snapshot.id);
  const plan = await matcher.plan(result, (purl, id) => !skip.has(`${packageKey(purl)} ${id}`));
  return plan ?? null;
}

interface Known {
  id: string;
  project_id: string;
  path: string;
  image_digest: string | null;
  created_at: string;
  diffIds: string[];
}

/**
 * Rebuilds that would remove findings from `snapshotId`, among the snapshots whose projects
 * lie under `prefix` (what the reader may see). Empty when no known image is its base.
 *
 * TODO: every ready snapshot's layer list is read to find the base, which is fine for
 * thousands of snapshots; a table of each snapshot's first layer would let the database narrow
 * the candidates first on a server holding far more.
 */
export async function rebuildSuggestions(
  store: Store,
  snapshotId: string,
  prefix: string | null,
): Promise<RebuildSuggestion[]> {
  const known = await knownSnapshots(store, prefix);
  const self = known.find((k) => k.id === snapshotId);
  if (self === undefined || self.diffIds.length === 0) return [];
  const base = known
    .filter((k) => k.diffIds.length > 0 && k.diffIds.length < self.diffIds.length)
    .filter((k) => k.diffIds.every((d, i) => self.diffIds[i] === d))
    .sort((a, b) => b.diffIds.length - a.diffIds.length)[0];
  if (base === undefined) return [];
  const alternatives = known.filter(
    (k) => k.project_id === base.project_id && k.id !== base.id && !sameLayers(k, base),
  );
  if (alternatives.length === 0) return [];
  const baseLayers = new Set(base.diffIds);
  const selfFindings = await findingKeys(store, [self.id]);
  const fromBase = new Set(
    [...(selfFindings.get(self.id) ?? [])]
      .filter(([, layer]) => layer !== null && baseLayers.has(layer))
      .map(([key]) => key),
  );
  const counts = await findingKeys(store, [base.id, ...alternatives.map((a) => a.id)]);
  const baseCount = counts.get(base.id)?.size ?? 0;
  const suggestions: RebuildSuggestion[] = [];
  for (const candidate of alternatives) {
    const carried = new Set([...(counts.get(candidate.id) ?? [])].map(([key]) => key));
    const removes = [...fromBase].filter((key) => !carried.has(key)).length;
    if (removes === 0 || carried.size >= baseCount) continue;
    const ref = toRef(candidate, carried.size);
    suggestions.push({
      base: { ...toRef(base, baseCount), layers: base.diffIds.length },
      candidate: ref,
      removes,
      message: `rebuild on ${describe(ref)} removes ${removes} finding${removes === 1 ? "" : "s"}`,
    });
  }
  return suggestions
    .sort(
      (a, b) => b.removes - a.removes || b.candidate.createdAt.localeCompare(a.candidate.createdAt),
    )
    .slice(0, MAX_SUGGESTIONS);
}

async function knownSnapshots(store: Store, prefix: string | null): Promise<Known[]> {
  const rows = await store.db
    .selectFrom("snapshots as s")
    .innerJoin("projects as p", "p.id", "s.project_id")
    .select(["s.id", "s.project_id", "p.path", "s.image_digest", "s.created_at", "s.layers"])
    .where("s.state", "=", "ready")
    .execute();
  return rows
    .filter((r) => prefix === null || r.path === prefix || r.path.startsWith(`${prefix}/`))
    .map(({ layers, ...row }) => ({ ...row, diffIds: diffIdsOf(layers) }));
}

/** The layer diff IDs a snapshot's stored layer list names, bottom first. */
function diffIdsOf(layers: string): string[] {
  try {
    const parsed = JSON.parse(layers) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.map((l) => (l as { diffId?: unknown })?.diffId).filter(isString);
  } catch {
    return [];
  }
}

const isString = (v: unknown): v is string => typeof v === "string";

function sameLayers(a: Known, b: Known): boolean {
  return a.diffIds.length === b.diffIds.length && a.diffIds.every((d, i) => b.diffIds[i] === d);
}

/**
 * Each snapshot's findings as `vulnerability package-key` with the layer that brought the
 * package: a finding is the same across two images when it is the same flaw in the same package,
 * whatever version each holds.
 */
async function findingKeys(
  store: Store,
  snapshotIds: string[],
): Promise<Map<string, Map<string, string | null>>> {
  const rows = await store.db
    .selectFrom("findings as f")
    .innerJoin("components as c", "c.id", "f.component_id")
    .leftJoin("snapshot_components as sc", (join) =>
      join.onRef("sc.snapshot_id", "=", "f.snapshot_id").onRef("sc.component_id", "=", "c.id"),
    )
    .select(["f.snapshot_id", "f.vulnerability_id", "c.package_key", "sc.layer"])
    .where("f.snapshot_id", "in", snapshotIds)
    .execute();
  const out = new Map<string, Map<string, string | null>>();
  for (const r of rows) {
    const keys = out.get(r.snapshot_id) ?? new Map<string, string | null>();
    keys.set(`${r.vulnerability_id} ${r.package_key}`, r.layer);
    out.set(r.snapshot_id, keys);
  }
  return out;
}

function toRef(k: Known, findings: number): SnapshotRef {
  return {
    snapshotId: k.id,
    projectId: k.project_id,
    projectPath: k.path,
    imageDigest: k.image_digest,
    createdAt: k.created_at,
    findings,
  };
}

function describe(ref: SnapshotRef): string {
  const digest = ref.imageDigest ? `@${ref.imageDigest.replace(/^sha256:/, "").slice(0, 12)}` : "";
  return `${ref.projectPath}${digest} (snapshot of ${ref.createdAt.slice(0, 10)})`;
}
