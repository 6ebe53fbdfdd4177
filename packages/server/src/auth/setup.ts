/**
 * The first admin. There is no default password and no "first to register wins": either the
 * operator sets LADING_ADMIN_PASSWORD, or the server prints a one-time link to create the admin.
 */
import type { Store } from "../db/store.js";
import { ConflictError, ForbiddenError } from "../errors.js";
import { fromNow, newId, now } from "../ids.js";
import { hashPassword, randomSecret, sha256 } from "./secrets.js";

const setupMs = 24 * 60 * 60 * 1000;

async function hasAdmin(store: Store): Promise<boolean> {
  const row = await store.db
    .selectFrom("users")
    .select("id")
    .where("role", "=", "admin")
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * On start: nothing to do when an admin exists; creates `admin` from `password` when given;
 * otherwise returns a fresh one-time setup token (older unused ones stop working).
 */
export async function prepareAdmin(store: Store, password?: string): Promise<string | undefined> {
  if (await hasAdmin(store)) return undefined;
  if (password) {
    await insertUser(store, "admin", password, "admin");
    return undefined;
  }
  const token = randomSecret();
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("setup_tokens").execute();
    await trx
      .insertInto("setup_tokens")
      .values({
        token_hash: sha256(token),
        created_at: now(),
        expires_at: fromNow(setupMs),
        used_at: null,
      })
      .execute();
  });
  return token;
}

/** Spends a setup token on creating the admin. */
export async function completeSetup(
  store: Store,
  token: string,
  username: string,
  password: string,
) {
  if (await hasAdmin(store)) throw new ConflictError("setup is already done");
  const passwordHash = await hashPassword(password);
  return store.db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable("setup_tokens")
      .set({ used_at: now() })
      .where("token_hash", "=", sha256(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", now())
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1)
      throw new ForbiddenError("the setup link is unknown, used or expired");
    const user = {
      id: newId(),
      username,
      password_hash: passwordHash,
      role: "admin" as const,
      created_at: now(),
      disabled: 0,
    };
    await trx.insertInto("users").values(user).execute();
    return user.id;
  });
}

/** Creates a user; throws ConflictError when the name is taken. */
export async function insertUser(
  store: Store,
  username: string,
  password: string,
  role: "admin" | "member" | "viewer",
) {
  const taken = await store.db
    .selectFrom("users")
    .select("id")
    .where("username", "=", username)
    .executeTakeFirst();
  if (taken) throw new ConflictError(`user ${username} exists`);
  const row = {
    id: newId(),
    username,
    password_hash: await hashPassword(password),
    role,
    created_at: now(),
    disabled: 0,
  };
  await store.db.insertInto("users").values(row).execute();
  return row.id;
}
