/**
 * API tokens for agents and CI jobs. A token reads `lad_<id>_<secret>`; only a hash of the
 * whole token is stored, so it is shown once, at creation.
 */
import type { Store } from "../db/store.js";
import { newId, now } from "../ids.js";
import type { Actor, TokenScope } from "./actor.js";
import { randomSecret, sha256 } from "./secrets.js";

/** What a new token may do. */
export interface TokenSpec {
  name: string;
  scopes: TokenScope[];
  projectPrefix: string | null;
  createProjects: boolean;
  expiresAt: string | null;
}

/** Creates a token for a user and returns its id and the secret to show once. */
export async function createApiToken(store: Store, userId: string, spec: TokenSpec) {
  const id = newId();
  const token = `lad_${id.replaceAll("-", "")}_${randomSecret()}`;
  await store.db
    .insertInto("api_tokens")
    .values({
      id,
      name: spec.name,
      secret_hash: sha256(token),
      user_id: userId,
      scopes: JSON.stringify(spec.scopes),
      project_prefix: spec.projectPrefix,
      create_projects: spec.createProjects ? 1 : 0,
      created_at: now(),
      expires_at: spec.expiresAt,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { id, token };
}

/** The actor behind a bearer token, or undefined when it is unknown, revoked or expired. */
export async function findApiToken(store: Store, token: string): Promise<Actor | undefined> {
  const row = await store.db
    .selectFrom("api_tokens as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .select([
      "t.id",
      "t.scopes",
      "t.project_prefix",
      "t.create_projects",
      "t.expires_at",
      "t.revoked_at",
      "u.id as userId",
      "u.username",
      "u.role",
      "u.disabled",
    ])
    .where("t.secret_hash", "=", sha256(token))
    .executeTakeFirst();
  const at = now();
  const expired = row?.expires_at && Date.parse(row.expires_at) <= Date.parse(at);
  if (!row || row.revoked_at || row.disabled || expired) return undefined;
  await store.db
    .updateTable("api_tokens")
    .set({ last_used_at: at })
    .where("id", "=", row.id)
    .execute();
  const scopes = JSON.parse(row.scopes) as TokenScope[];
  const token_ = {
    id: row.id,
    scopes,
    projectPrefix: row.project_prefix,
    createProjects: row.create_projects === 1,
  };
  return {
    userId: row.userId,
    username: row.username,
    role: row.role,
    via: "token",
    token: token_,
  };
}
