/** A requirement of a `go.mod`, with any `replace` directive already applied. */
export interface GoModRequirement {
  path: string;
  version: string;
  indirect: boolean;
  /** The required module when a `replace` swapped in another one. */
  replaces?: { path: string; version: string };
  /** Set when the replacement is a local directory: there is no version to report. */
  localReplacement?: string;
}

interface Directive {
  verb: string;
  args: string[];
  comment: string;
}

/**
 * Parses `go.mod` (https://go.dev/ref/mod#go-mod-file): `require` lines become requirements,
 * `replace` swaps them (for one version, or every version when none is given), `exclude`
 * drops them. The main module and the `go`/`toolchain` lines are not dependencies.
 */
export function parseGoMod(text: string): GoMod {
  const directives = readDirectives(text);
  const goVersion = directives.find((d) => d.verb === "go")?.args[0];
  return { goVersion, requirements: dedupe(requirements(directives)) };
}

/** What a go.mod says: its `go` line and its requirements. */
export interface GoMod {
  goVersion?: string;
  requirements: GoModRequirement[];
}

function requirements(directives: Directive[]): GoModRequirement[] {
  const excluded = new Set(
    directives.filter((d) => d.verb === "exclude").map((d) => d.args.join("@")),
  );
  const replaces = directives.filter((d) => d.verb === "replace").map(parseReplace);
  return directives
    .filter((d) => d.verb === "require" && d.args.length >= 2)
    .filter((d) => !excluded.has(`${d.args[0]}@${d.args[1]}`))
    .map((d) => {
      const [path, version] = d.args as [string, string];
      const req = { path, version, indirect: /\bindirect\b/.test(d.comment) };
      const replace = replaces.find(
        (r) => r.from === path && (!r.fromVersion || r.fromVersion === version),
      );
      return replace ? applyReplace(req, replace) : req;
    });
}

/** Two requirements replaced by the same module version are one module in the build. */
function dedupe(reqs: GoModRequirement[]): GoModRequirement[] {
  const byKey = new Map<string, GoModRequirement>();
  for (const r of reqs) {
    const key = `${r.path}@${r.version}@${r.localReplacement ?? ""}`;
    if (!byKey.has(key)) byKey.set(key, r);
  }
  return [...byKey.values()];
}

/**
 * Before Go 1.17 a go.mod lists only direct requirements; go.sum then holds the content hash
 * of every module the build downloaded, which is the closest record of the indirect ones.
 */
export function listsOnlyDirect(goVersion: string | undefined): boolean {
  const [major, minor] = (goVersion ?? "").split(".").map(Number);
  return major === 1 && minor !== undefined && minor < 17;
}

interface Replace {
  from: string;
  fromVersion?: string;
  to: string;
  toVersion?: string;
}

function parseReplace(d: Directive): Replace {
  const arrow = d.args.indexOf("=>");
  const [from = "", fromVersion] = d.args.slice(0, arrow);
  const [to = "", toVersion] = d.args.slice(arrow + 1);
  return { from, fromVersion, to, toVersion };
}

function applyReplace(req: GoModRequirement, r: Replace): GoModRequirement {
  const replaces = { path: req.path, version: req.version };
  if (r.toVersion === undefined) return { ...req, version: "", replaces, localReplacement: r.to };
  return { ...req, path: r.to, version: r.toVersion, replaces };
}

/** Splits the file into directives, expanding `verb ( ... )` blocks into one per line. */
function readDirectives(text: string): Directive[] {
  const directives: Directive[] = [];
  let block: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const [code = "", ...rest] = raw.split("//");
    const comment = rest.join("//");
    const words = code
      .trim()
      .split(/\s+/)
      .filter((w) => w !== "");
    if (words.length === 0) continue;
    if (block !== undefined) {
      if (words[0] === ")") block = undefined;
      else directives.push({ verb: block, args: words.map(unquote), comment });
    } else if (words[1] === "(") block = words[0];
    else directives.push({ verb: words[0] as string, args: words.slice(1).map(unquote), comment });
  }
  return directives;
}

function unquote(word: string): string {
  return word.replace(/^"(.*)"$/, "$1");
}

/** `go.sum` lines `path version h1:hash`: the module hashes, keyed `path@version`. */
export function parseGoSum(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const [path, version, hash] = line.trim().split(/\s+/);
    if (path && version && hash && !version.endsWith("/go.mod"))
      sums.set(`${path}@${version}`, hash);
  }
  return sums;
}
