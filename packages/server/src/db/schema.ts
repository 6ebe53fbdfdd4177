/**
 * Table types for Kysely. Both databases store the same shapes: ids are text (UUIDs), times
 * are ISO-8601 UTC text (so they sort and compare the same everywhere), flags are 0/1 and
 * structured values are JSON text.
 */

export type Role = "admin" | "member" | "viewer";
export type ProjectKind = "group" | "host" | "container" | "application";
export type SnapshotState = "processing" | "ready" | "failed";
export type JobState = "queued" | "running" | "done" | "failed";

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  role: Role;
  created_at: string;
  disabled: number;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  secret_hash: string;
  user_id: string;
  /** JSON array of scopes: `read`, `upload`, `triage`. */
  scopes: string;
  /** Project path the token is confined to (itself and below); null for all projects. */
  project_prefix: string | null;
  create_projects: number;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ProjectsTable {
  id: string;
  parent_id: string | null;
  kind: ProjectKind;
  name: string;
  /** Names from the root down joined by `/`: the stable identity agents upload to. */
  path: string;
  created_at: string;
}

export interface SnapshotsTable {
  id: string;
  project_id: string;
  state: SnapshotState;
  failure_reason: string | null;
  format: string;
  spec_version: string;
  image_digest: string | null;
  os: string | null;
  labels: string;
  layers: string;
  engine: string | null;
  component_count: number;
  created_at: string;
  processed_at: string | null;
  /** The outdated report (end of life, image age) as JSON; null until matched. */
  outdated: string | null;
  /** `supported`, `security-only`, `eol` or `unknown`; null when nothing could be judged. */
  eol_state: string | null;
  /** The distro release's end of security support (`YYYY-MM-DD`), when it has a date. */
  distro_eol: string | null;
  /** When the image was built (RFC 3339), when the SBOM tells. */
  image_created: string | null;
}

/** The uploaded SBOM text of a snapshot, byte for byte; kept apart so listings never read it. */
export interface SnapshotDocumentsTable {
  snapshot_id: string;
  document: string;
}

export interface ComponentsTable {
  id: string;
  /** purl without version, qualifiers or subpath: the package across its versions. */
  package_key: string;
  purl: string;
  type: string;
  name: string;
  version: string;
}

export interface SnapshotComponentsTable {
  snapshot_id: string;
  component_id: string;
  layer: string | null;
  locations: string;
}

export interface FindingsTable {
  id: string;
  snapshot_id: string;
  project_id: string;
  component_id: string;
  vulnerability_id: string;
  severity: string;
  fix_state: string;
  fixed_in: string | null;
  created_at: string;
}

export interface TriageTable {
  project_id: string;
  package_key: string;
  vulnerability_id: string;
  state: string;
  justification: string | null;
  comment: string | null;
  updated_by: string;
  updated_at: string;
}

export interface TriageAuditTable {
  id: string;
  project_id: string;
  package_key: string;
  vulnerability_id: string;
  actor: string;
  old_state: string | null;
  new_state: string;
  justification: string | null;
  comment: string | null;
  at: string;
}

export interface MetricsTable {
  id: string;
  /** Null for the whole portfolio. */
  project_id: string | null;
  at: string;
  critical: number;
  high: number;
  medium: number;
  low: number;
  unknown: number;
  components: number;
}

export interface WebhooksTable {
  id: string;
  url: string;
  secret: string;
  min_severity: string;
  created_at: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  state: JobState;
  attempts: number;
  max_attempts: number;
  run_after: string;
  locked_by: string | null;
  locked_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** What the advisories say about a vulnerability, refreshed each time it is matched. */
export interface VulnerabilitiesTable {
  id: string;
  summary: string | null;
  /** JSON arrays. */
  aliases: string;
  ratings: string;
  refs: string;
  sources: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface AgentsTable {
  id: string;
  /** The host project the agent reports for. */
  project_id: string;
  /** JSON object: OS, kernel, engine and its version. */
  facts: string;
  /** How often the agent promised to call; it counts as offline after three missed calls. */
  interval_seconds: number;
  first_seen_at: string;
  last_seen_at: string;
}

export interface WatchedProjectsTable {
  project_id: string;
  agent_id: string;
  /** JSON object of the container's image labels (OCI annotations and the like). */
  labels: string;
  seen_at: string;
  /** When the agent last reported the container missing; null while it exists. */
  gone_at: string | null;
  /** A rescan asked for and not yet answered by a newer snapshot. */
  rescan_requested_at: string | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  setup_tokens: SetupTokensTable;
  api_tokens: ApiTokensTable;
  projects: ProjectsTable;
  snapshots: SnapshotsTable;
  snapshot_documents: SnapshotDocumentsTable;
  components: ComponentsTable;
  snapshot_components: SnapshotComponentsTable;
  findings: FindingsTable;
  triage: TriageTable;
  triage_audit: TriageAuditTable;
  metrics: MetricsTable;
  webhooks: WebhooksTable;
  jobs: JobsTable;
  settings: SettingsTable;
  vulnerabilities: VulnerabilitiesTable;
  agents: AgentsTable;
  watched_projects: WatchedProjectsTable;
}
