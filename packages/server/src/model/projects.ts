import type { Transaction } from "kysely";
import type { Database, ProjectKind, ProjectsTable } from "../db/schema.js";
import { InvalidRequestError } from "../errors.js";
import { newId, now } from "../ids.js";

const namePattern = /^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}$/;

/** Splits and checks a project path such as `prod/web-01/nginx`. */
export function splitPath(path: string): string[] {
  const names = path.split("/");
  if (names.length > 8 || names.some((n) => !namePattern.test(n)))
    throw new InvalidRequestError(
      `project path "${path}": up to 8 names of letters, digits and . _ : @ + -, joined by /`,
    );
  return names;
}

/** True when `path` is `prefix` itself or lies below it. */
export function isWithin(path: string, prefix: string | null): boolean {
  return prefix === null || path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * Finds the project at `path`, creating it and any missing parents when `create` allows.
 * Missing parents become groups; the last name gets `leafKind`.
 */
export async function ensureProject(
  trx: Transaction<Database>,
  path: string,
  leafKind: ProjectKind,
  create: boolean,
): Promise<ProjectsTable | undefined> {
  const names = splitPath(path);
  let parent: ProjectsTable | undefined;
  for (let i = 0; i < names.length; i++) {
    const here = names.slice(0, i + 1).join("/");
    const found = await trx
      .selectFrom("projects")
      .selectAll()
      .where("path", "=", here)
      .executeTakeFirst();
    if (found) parent = found;
    else if (!create) return undefined;
    else
      parent = await insertProject(
        trx,
        here,
        names[i],
        parent?.id ?? null,
        i === names.length - 1 ? leafKind : "group",
      );
  }
  return parent;
}

async function insertProject(
  trx: Transaction<Database>,
  path: string,
  name: string,
  parentId: string | null,
  kind: ProjectKind,
): Promise<ProjectsTable> {
  const row = { id: newId(), parent_id: parentId, kind, name, path, created_at: now() };
  await trx.insertInto("projects").values(row).execute();
  return row;
}
