import { formatPurl } from "../purl.js";

/**
 * The purl of a Go module: the module path split into namespace and name at its last `/`.
 * packageurl-js rejects some versions Go accepts (`v1.2` is not strict semver) and its
 * golang validator can throw an internal error, so such a purl is spelled out by hand.
 */
export function golangPurl(path: string, version?: string): string {
  const slash = path.lastIndexOf("/");
  const namespace = slash > 0 ? path.slice(0, slash) : undefined;
  const name = path.slice(slash + 1);
  try {
    return formatPurl({ type: "golang", namespace, name, version });
  } catch {
    const encoded = path.split("/").map(encodeURIComponent).join("/");
    return `pkg:golang/${encoded}${version ? `@${encodeURIComponent(version)}` : ""}`;
  }
}
