/**
 * Stores an uploaded SBOM. Everything — project, snapshot, components and the job that matches
 * them — commits in one transaction, so a failure or a killed server leaves nothing half-stored.
 */
import type { ScanResult } from "@lading/scanner";
import type { ProjectKind } from "../db/schema.js";
import type { Store } from "../db/store.js";
import { ForbiddenError, InvalidRequestError, NotFoundError } from "../errors.js";
import { newId, now } from "../ids.js";
import { enqueue } from "../jobs/queue.js";
import type { ParsedSbom } from "../sbom/types.js";
import { linkComponents, upsertComponents } from "./components.js";
import { ensureProject } from "./projects.js";

/** Where an upload goes and whether its project may be created. */
export interface UploadTarget {
  projectPath: string;
  kind: ProjectKind;
  mayCreate: boolean;
}

/** Stores the snapshot in state `processing` and queues its matching; returns its id. */
export async function ingestSbom(
  store: Store,
  target: UploadTarget,
  text: string,
  sbom: ParsedSbom,
) {
  refuseNul(sbom.result);
  return store.db.transaction().execute(async (trx) => {
    const project = await ensureProject(trx, target.projectPath, target.kind, target.mayCreate);
    if (!project && !target.mayCreate) throw new NotFoundError(`project ${target.projectPath}`);
    if (!project) throw new ForbiddenError("may not create projects");
    const id = newId();
    await trx
      .insertInto("snapshots")
      .values(snapshotRow(id, project.id, sbom))
      .execute();
    await trx
      .insertInto("snapshot_documents")
      .values({ snapshot_id: id, document: text })
      .execute();
    const ids = await upsertComponents(trx, sbom.result.packages);
    const count = await linkComponents(trx, id, sbom.result.packages, ids);
    await trx
      .updateTable("snapshots")
      .set({ component_count: count })
      .where("id", "=", id)
      .execute();
    await enqueue(trx, "match-snapshot", { snapshotId: id });
    return { id, projectId: project.id, componentCount: count };
  });
}

/**
 * PostgreSQL cannot store a NUL in text and SQLite can: an SBOM whose stored fields hold one is
 * refused on both, the same way, before anything is written.
 */
function refuseNul(result: ScanResult): void {
  const has = (text: string | undefined) => text?.includes("\u0000") === true;
  result.packages.forEach((p, i) => {
    const fields = [p.name, p.version, p.type, p.purl, p.layer, ...p.locations.map((l) => l.path)];
    if (fields.some(has)) {
      throw new InvalidRequestError(`text holds a NUL: package ${i} (${JSON.stringify(p.name)})`);
    }
  });
  const d = result.distro;
  if (d && [d.prettyName, d.id, d.versionId].some(has))
    throw new InvalidRequestError("text holds a NUL: the distro's name");
}

function snapshotRow(id: string, projectId: string, sbom: ParsedSbom) {
  const { image, distro, source } = sbom.result;
  return {
    id,
    project_id: projectId,
    state: "processing" as const,
    failure_reason: null,
    format: sbom.format,
    spec_version: sbom.specVersion,
    image_digest: image?.manifestDigest ?? image?.configDigest ?? null,
    os: describeOs(distro),
    labels: JSON.stringify(image?.labels ?? {}),
    layers: JSON.stringify(image?.layers ?? []),
    engine: source.kind,
    component_count: 0,
    created_at: now(),
    processed_at: null,
    outdated: null,
    eol_state: null,
    distro_eol: null,
    image_created: null,
  };
}

function describeOs(distro: ScanResult["distro"]): string | null {
  if (!distro) return null;
  return distro.prettyName ?? [distro.id, distro.versionId].filter(Boolean).join(" ");
}
