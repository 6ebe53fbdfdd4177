/**
 * Who is calling and what they may do. A user's role grants permissions; an API token narrows
 * its owner's to its scopes and, optionally, to one branch of the project tree.
 */
import type { Role } from "../db/schema.js";
import { ForbiddenError, UnauthenticatedError } from "../errors.js";
import { isWithin } from "../model/projects.js";

export type Permission =
  | "read"
  | "upload"
  | "triage"
  | "create-projects"
  | "own-tokens"
  | "manage-users"
  | "manage-webhooks"
  | "manage-jobs";

/** Scopes an API token may carry. */
export const tokenScopes = ["read", "upload", "triage"] as const;
export type TokenScope = (typeof tokenScopes)[number];

const byRole: Record<Role, readonly Permission[]> = {
  viewer: ["read", "own-tokens"],
  member: ["read", "upload", "triage", "create-projects", "own-tokens"],
  admin: [
    "read",
    "upload",
    "triage",
    "create-projects",
    "own-tokens",
    "manage-users",
    "manage-webhooks",
    "manage-jobs",
  ],
};

/** The authenticated caller of a request. */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  via: "session" | "token";
  /** For tokens: what it may do, and below which project path. */
  token?: {
    id: string;
    scopes: TokenScope[];
    projectPrefix: string | null;
    createProjects: boolean;
  };
}

/** True when the actor holds the permission (for a project path, when given). */
export function can(actor: Actor, permission: Permission, projectPath?: string): boolean {
  if (!byRole[actor.role].includes(permission)) return false;
  const t = actor.token;
  if (!t) return true;
  if (projectPath !== undefined && !isWithin(projectPath, t.projectPrefix)) return false;
  if (permission === "create-projects") return t.createProjects && t.scopes.includes("upload");
  return (t.scopes as string[]).includes(permission);
}

/** Throws unless the actor exists and holds the permission. */
export function authorize(
  actor: Actor | undefined,
  permission: Permission,
  projectPath?: string,
): Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, permission, projectPath))
    throw new ForbiddenError(`needs permission ${permission}`);
  return actor;
}

/** The project-path prefix the actor's lists are confined to, or null for everything. */
export function visiblePrefix(actor: Actor): string | null {
  return actor.token?.projectPrefix ?? null;
}
