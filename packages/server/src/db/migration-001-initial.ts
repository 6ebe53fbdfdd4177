import type { Kysely, Migration } from "kysely";

// Column types are ones both SQLite and PostgreSQL accept; see schema.ts for the conventions.
const text = "text";
const int = "integer";

async function up(db: Kysely<unknown>): Promise<void> {
  await createAccounts(db);
  await createInventory(db);
  await createFindings(db);
  await createOperations(db);
}

async function createAccounts(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("username", text, (c) => c.notNull().unique())
    .addColumn("password_hash", text, (c) => c.notNull())
    .addColumn("role", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("disabled", int, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", text, (c) => c.primaryKey())
    .addColumn("user_id", text, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("expires_at", text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("setup_tokens")
    .addColumn("token_hash", text, (c) => c.primaryKey())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("expires_at", text, (c) => c.notNull())
    .addColumn("used_at", text)
    .execute();
  await db.schema
    .createTable("api_tokens")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("name", text, (c) => c.notNull())
    .addColumn("secret_hash", text, (c) => c.notNull().unique())
    .addColumn("user_id", text, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("scopes", text, (c) => c.notNull())
    .addColumn("project_prefix", text)
    .addColumn("create_projects", int, (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("expires_at", text)
    .addColumn("last_used_at", text)
    .addColumn("revoked_at", text)
    .execute();
}

async function createInventory(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("projects")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("parent_id", text, (c) => c.references("projects.id"))
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("name", text, (c) => c.notNull())
    .addColumn("path", text, (c) => c.notNull().unique())
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("snapshots")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("project_id", text, (c) => c.notNull().references("projects.id"))
    .addColumn("state", text, (c) => c.notNull())
    .addColumn("failure_reason", text)
    .addColumn("format", text, (c) => c.notNull())
    .addColumn("spec_version", text, (c) => c.notNull())
    .addColumn("sbom", text, (c) => c.notNull())
    .addColumn("image_digest", text)
    .addColumn("os", text)
    .addColumn("labels", text, (c) => c.notNull())
    .addColumn("layers", text, (c) => c.notNull())
    .addColumn("engine", text)
    .addColumn("component_count", int, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("processed_at", text)
    .execute();
  await db.schema
    .createIndex("snapshots_project")
    .on("snapshots")
    .columns(["project_id", "created_at"])
    .execute();
  await db.schema
    .createTable("components")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("package_key", text, (c) => c.notNull())
    .addColumn("purl", text, (c) => c.notNull().unique())
    .addColumn("type", text, (c) => c.notNull())
    .addColumn("name", text, (c) => c.notNull())
    .addColumn("version", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("components_name").on("components").columns(["name"]).execute();
  await db.schema
    .createTable("snapshot_components")
    .addColumn("snapshot_id", text, (c) =>
      c.notNull().references("snapshots.id").onDelete("cascade"),
    )
    .addColumn("component_id", text, (c) => c.notNull().references("components.id"))
    .addColumn("layer", text)
    .addColumn("locations", text, (c) => c.notNull())
    .addPrimaryKeyConstraint("snapshot_components_pk", ["snapshot_id", "component_id"])
    .execute();
  await db.schema
    .createIndex("snapshot_components_component")
    .on("snapshot_components")
    .columns(["component_id"])
    .execute();
}

async function createFindings(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("findings")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("snapshot_id", text, (c) =>
      c.notNull().references("snapshots.id").onDelete("cascade"),
    )
    .addColumn("project_id", text, (c) => c.notNull().references("projects.id"))
    .addColumn("component_id", text, (c) => c.notNull().references("components.id"))
    .addColumn("vulnerability_id", text, (c) => c.notNull())
    .addColumn("severity", text, (c) => c.notNull())
    .addColumn("fix_state", text, (c) => c.notNull())
    .addColumn("fixed_in", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addUniqueConstraint("findings_unique", ["snapshot_id", "component_id", "vulnerability_id"])
    .execute();
  await db.schema
    .createTable("triage")
    .addColumn("project_id", text, (c) => c.notNull().references("projects.id"))
    .addColumn("package_key", text, (c) => c.notNull())
    .addColumn("vulnerability_id", text, (c) => c.notNull())
    .addColumn("state", text, (c) => c.notNull())
    .addColumn("justification", text)
    .addColumn("comment", text)
    .addColumn("updated_by", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .addPrimaryKeyConstraint("triage_pk", ["project_id", "package_key", "vulnerability_id"])
    .execute();
  await db.schema
    .createTable("triage_audit")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("project_id", text, (c) => c.notNull())
    .addColumn("package_key", text, (c) => c.notNull())
    .addColumn("vulnerability_id", text, (c) => c.notNull())
    .addColumn("actor", text, (c) => c.notNull())
    .addColumn("old_state", text)
    .addColumn("new_state", text, (c) => c.notNull())
    .addColumn("justification", text)
    .addColumn("comment", text)
    .addColumn("at", text, (c) => c.notNull())
    .execute();
}

async function createOperations(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("metrics")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("project_id", text)
    .addColumn("at", text, (c) => c.notNull())
    .addColumn("critical", int, (c) => c.notNull())
    .addColumn("high", int, (c) => c.notNull())
    .addColumn("medium", int, (c) => c.notNull())
    .addColumn("low", int, (c) => c.notNull())
    .addColumn("unknown", int, (c) => c.notNull())
    .addColumn("components", int, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("webhooks")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("url", text, (c) => c.notNull())
    .addColumn("secret", text, (c) => c.notNull())
    .addColumn("min_severity", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("jobs")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("payload", text, (c) => c.notNull())
    .addColumn("state", text, (c) => c.notNull())
    .addColumn("attempts", int, (c) => c.notNull())
    .addColumn("max_attempts", int, (c) => c.notNull())
    .addColumn("run_after", text, (c) => c.notNull())
    .addColumn("locked_by", text)
    .addColumn("locked_at", text)
    .addColumn("last_error", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("jobs_claim").on("jobs").columns(["state", "run_after"]).execute();
  await db.schema
    .createTable("settings")
    .addColumn("key", text, (c) => c.primaryKey())
    .addColumn("value", text, (c) => c.notNull())
    .execute();
}

/** The first schema: accounts, inventory, findings and operations tables. */
export const initial = { up } satisfies Migration;
