import type { Store } from "../db/store.js";
import { fromNow, now } from "../ids.js";
import type { Actor } from "./actor.js";
import { randomSecret, sha256 } from "./secrets.js";

/** Session lifetime. */
export const sessionMs = 12 * 60 * 60 * 1000;

/** Starts a session; the raw id goes in the cookie, only its hash in the database. */
export async function createSession(store: Store, userId: string) {
  const id = randomSecret();
  const csrfToken = randomSecret();
  await store.db
    .insertInto("sessions")
    .values({
      id_hash: sha256(id),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now(),
      expires_at: fromNow(sessionMs),
    })
    .execute();
  return { id, csrfToken };
}

/** The actor and CSRF token behind a session cookie, or undefined when it is unknown or old. */
export async function findSession(store: Store, id: string) {
  const row = await store.db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select(["u.id", "u.username", "u.role", "u.disabled", "s.csrf_token", "s.expires_at"])
    .where("s.id_hash", "=", sha256(id))
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at < now()) return undefined;
  const actor: Actor = { userId: row.id, username: row.username, role: row.role, via: "session" };
  return { actor, csrfToken: row.csrf_token };
}

/** Ends a session. */
export async function deleteSession(store: Store, id: string): Promise<void> {
  await store.db.deleteFrom("sessions").where("id_hash", "=", sha256(id)).execute();
}
