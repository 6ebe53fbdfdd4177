import { XMLParser } from "fast-xml-parser";

/** One dependency a pom declares, with `${...}` already resolved from the same pom. */
export interface PomDependency {
  groupId: string;
  artifactId: string;
  version: string;
  scope?: string;
}

/** What a `pom.xml` says about its own project and its declared dependencies. */
export interface PomXml {
  groupId?: string;
  artifactId?: string;
  version?: string;
  licenses: string[];
  dependencies: PomDependency[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  processEntities: false,
  isArray: (name) => ["dependency", "profile", "license"].includes(name),
});

/**
 * Parses a pom without fetching anything: a version or property the pom inherits from a parent
 * or an imported BOM stays unresolved, and such a dependency is left out rather than guessed.
 */
export function parsePomXml(text: string): PomXml {
  const project = (parser.parse(text) as Node).project as Node | undefined;
  if (project === undefined || typeof project !== "object") throw new Error("no <project> element");
  const parent = asNode(project.parent);
  const props = properties(project, parent);
  const resolve = (v: unknown) => interpolate(str(v), props);
  return {
    groupId: resolve(project.groupId ?? parent.groupId),
    artifactId: resolve(project.artifactId),
    version: resolve(project.version),
    licenses: asArray(asNode(project.licenses).license).map((l) => str(asNode(l).name) ?? ""),
    dependencies: dependencies(project, resolve),
  };
}

function dependencies(project: Node, resolve: (v: unknown) => string | undefined) {
  const managed = new Map<string, string | undefined>();
  for (const dep of depList(asNode(project.dependencyManagement))) {
    managed.set(`${resolve(dep.groupId)}:${resolve(dep.artifactId)}`, resolve(dep.version));
  }
  const declared = [...depList(project), ...activeProfiles(project).flatMap(depList)];
  const found = new Map<string, PomDependency>();
  for (const dep of declared) {
    const groupId = resolve(dep.groupId);
    const artifactId = resolve(dep.artifactId);
    const key = `${groupId}:${artifactId}`;
    const version = lowerBound(resolve(dep.version) ?? managed.get(key));
    if (!groupId || !artifactId || !version || found.has(key)) continue;
    found.set(key, { groupId, artifactId, version, scope: resolve(dep.scope) });
  }
  return [...found.values()];
}

function depList(owner: Node): Node[] {
  return asArray(asNode(owner.dependencies).dependency).map(asNode);
}

function activeProfiles(project: Node): Node[] {
  const profiles = asArray(asNode(project.profiles).profile).map(asNode);
  return profiles.filter((p) => str(asNode(p.activation).activeByDefault) === "true");
}

/** Properties of this pom, plus the `project.*` names Maven defines from its own fields. */
function properties(project: Node, parent: Node): Map<string, string> {
  const props = new Map<string, string>();
  for (const [key, value] of Object.entries(asNode(project.properties))) {
    if (str(value) !== undefined) props.set(key, str(value) as string);
  }
  const own = { groupId: project.groupId ?? parent.groupId, version: project.version };
  for (const [key, value] of Object.entries({ ...own, artifactId: project.artifactId })) {
    if (str(value) !== undefined) props.set(`project.${key}`, str(value) as string);
  }
  return props;
}

/** Resolves `${name}` from the pom's own properties; one left unresolved voids the value. */
function interpolate(
  value: string | undefined,
  props: Map<string, string>,
  depth = 0,
): string | undefined {
  if (value === undefined || !value.includes("${")) return value;
  if (depth > 10) return undefined;
  let unresolved = false;
  const out = value.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
    const found = props.get(name);
    if (found === undefined) unresolved = true;
    return found ?? "";
  });
  return unresolved ? undefined : interpolate(out, props, depth + 1);
}

/** A range such as `[1.2,2.0)` pins nothing; its inclusive lower bound is what Maven tries first. */
function lowerBound(version: string | undefined): string | undefined {
  if (version === undefined || !/^[[(]/.test(version)) return version;
  const match = /^\[([^,\]]+)[,\]]/.exec(version);
  return match ? (match[1] as string).trim() : undefined;
}

function str(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number") return String(value);
  return undefined;
}

function asNode(value: unknown): Node {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Node)
    : {};
}

function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === "" ? [] : [value];
}
