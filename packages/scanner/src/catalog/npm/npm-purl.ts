import { formatPurl } from "../purl.js";

/** The purl of an npm package: the scope (with its `@`) is the namespace. */
export function npmPurl(name: string, version: string): string {
  const slash = name.startsWith("@") ? name.indexOf("/") : -1;
  if (slash < 0) return formatPurl({ type: "npm", name, version });
  return formatPurl({
    type: "npm",
    namespace: name.slice(0, slash),
    name: name.slice(slash + 1),
    version,
  });
}

/**
 * Splits a lockfile descriptor (`name@range`, `@scope/name@npm:1.0.0`) into name and the rest.
 * The name ends at the first `@` after its first character, so scopes survive.
 */
export function splitDescriptor(descriptor: string): { name: string; range: string } {
  const at = descriptor.indexOf("@", 1);
  if (at < 0) return { name: descriptor, range: "" };
  return { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}

/**
 * Follows an npm alias (`npm:real-name@^1.0.0`) to the real package name, which is what
 * advisories and purls know; any other range leaves `name` as it is.
 */
export function aliasTarget(name: string, range: string): string {
  if (!range.startsWith("npm:")) return name;
  const target = splitDescriptor(range.slice(4));
  return target.range === "" && !range.slice(4).startsWith("@") ? name : target.name;
}
