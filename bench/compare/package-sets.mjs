/**
 * The package sets of a Lading JSON document and a Trivy CycloneDX document, keyed so the two
 * can be compared: the purl without its qualifiers and subpath (the tools qualify purls
 * differently: `distro=alpine-3.10.4` against `distro=3.10.4`), percent-decoded and lower-cased.
 * A package without a purl is keyed `name@version` under its type.
 */

/**
 * `pkg:type/ns/name@version?q#s` → `pkg:type/ns/name@version`, decoded and lower-cased. An epoch
 * given as a qualifier (`?epoch=1`, as Trivy writes deb purls) moves into the version
 * (`@1:2.38.1-5`, as Lading and syft write them), so the same package gets the same key.
 */
export function purlKey(purl) {
  const bare = safeDecode(purl.replace(/[?#].*$/s, ""));
  const epoch = /[?&]epoch=(\d+)/.exec(purl)?.[1];
  const at = bare.lastIndexOf("@");
  if (epoch === undefined || at < 0 || bare.slice(at + 1).startsWith(`${epoch}:`)) {
    return bare.toLowerCase();
  }
  return `${bare.slice(0, at + 1)}${epoch}:${bare.slice(at + 1)}`.toLowerCase();
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const keyOf = (purl, type, name, version) =>
  purl ? purlKey(purl) : `${type ?? "?"}:${name}@${version ?? ""}`.toLowerCase();

/** Lading's `-o json`: key → package. */
export function ladingPackages(json) {
  const doc = JSON.parse(json);
  const set = new Map();
  for (const p of doc.packages ?? []) set.set(keyOf(p.purl, p.type, p.name, p.version), p);
  return set;
}

/** Every component of a CycloneDX document, nested ones included, but not the OS component. */
function* components(list) {
  for (const c of list ?? []) {
    if (c.type !== "operating-system") yield c;
    yield* components(c.components);
  }
}

/**
 * Trivy's CycloneDX: key → component, for components that are packages (not the applications,
 * the files Trivy read them from). Each gets `foundIn`, the application that lists it, if any.
 */
export function trivyPackages(json) {
  const doc = JSON.parse(json);
  const parents = applicationsOf(doc);
  const set = new Map();
  for (const c of components(doc.components)) {
    if (c.type === "application" && !c.purl) continue;
    set.set(keyOf(c.purl, c.type, c.name, c.version), { ...c, foundIn: parents.get(c["bom-ref"]) });
  }
  return set;
}

/** bom-ref of a package → the name of the application (a lockfile, a go.mod) depending on it. */
function applicationsOf(doc) {
  const apps = new Map();
  for (const c of components(doc.components)) {
    if (c.type === "application" && !c.purl) apps.set(c["bom-ref"], c.name);
  }
  const parents = new Map();
  for (const dep of doc.dependencies ?? []) {
    const app = apps.get(dep.ref);
    if (app !== undefined) for (const ref of dep.dependsOn ?? []) parents.set(ref, app);
  }
  return parents;
}

/** Where Lading found a package, and whether an OS package owns that file. */
export function ladingOrigin(pkg) {
  return { path: pkg.locations?.[0]?.path ?? "", osOwned: pkg.metadata?.ownedBy !== undefined };
}

/** What both found, and what each found alone, sorted. */
export function diffPackages(lading, trivy) {
  const keys = (map, other, has) => [...map.keys()].filter((k) => other.has(k) === has).sort();
  return {
    both: keys(lading, trivy, true),
    onlyLading: keys(lading, trivy, false),
    onlyTrivy: keys(trivy, lading, false),
  };
}
