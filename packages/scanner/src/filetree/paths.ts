/**
 * Path normalisation for entries read from layers. Archive paths are untrusted: `..`, absolute
 * paths and repeated slashes are folded so that nothing can name a place outside the image root.
 */

/**
 * Turns an archive entry name into an absolute image path (`/a/b`), or `null` when the name
 * climbs above the root (`../etc/passwd`) and must be rejected.
 */
export function normalizeEntryPath(name: string): string | null {
  const plain = plainPath(name);
  if (plain !== undefined) return plain;
  const parts: string[] = [];
  for (const part of name.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return null;
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  return `/${parts.join("/")}`;
}

/**
 * The common case, without splitting: `usr/bin/x`, `./usr/bin/x` or `/usr/bin/x`, with at most
 * a trailing slash, and no empty, `.` or `..` component. Undefined when the name needs the
 * general treatment.
 */
function plainPath(name: string): string | undefined {
  let start = 0;
  if (name.startsWith("./")) start = 2;
  else if (name.startsWith("/")) start = 1;
  let end = name.length;
  if (end > start && name.charCodeAt(end - 1) === 0x2f) end--;
  if (end === start) return undefined;
  const body = start === 0 && end === name.length ? name : name.slice(start, end);
  if (body.charCodeAt(0) === 0x2e || body.includes("/.") || body.includes("//")) return undefined;
  if (body.charCodeAt(0) === 0x2f) return undefined;
  return `/${body}`;
}

/** Splits an absolute image path into its components; `/` gives `[]`. */
export function splitPath(path: string): string[] {
  return path.split("/").filter((p) => p !== "" && p !== ".");
}

/** Parent directory of an absolute image path; the root is its own parent. */
export function parentPath(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}

/** Last component of a path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Joins a directory and a relative or absolute link target, folding `..` at the root. */
export function joinLinkTarget(dir: string, target: string): string {
  const start = target.startsWith("/") ? [] : splitPath(dir);
  for (const part of splitPath(target)) {
    // A link may climb above the root; inside an image the root is its own parent.
    if (part === "..") start.pop();
    else start.push(part);
  }
  return `/${start.join("/")}`;
}
