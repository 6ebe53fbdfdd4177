/**
 * Places where package managers and builds leave bytes that an image never needs at run time.
 * A file found here in the final view is counted as waste of its category, with a hint on how a
 * Dockerfile avoids it (in the same RUN step: a later step's `rm` only adds a whiteout).
 */

/** One kind of cache: its id in reports, the paths it covers, and how to avoid it. */
export interface CacheCategory {
  id: string;
  /** Absolute path prefixes, each ending in `/`; `*` stands for one path component. */
  prefixes: readonly string[];
  hint: string;
}

export const cacheCategories = [
  {
    id: "apt-lists",
    prefixes: ["/var/lib/apt/lists/"],
    hint: "rm -rf /var/lib/apt/lists/* in the RUN step that ran apt-get update",
  },
  {
    id: "apt-cache",
    prefixes: ["/var/cache/apt/"],
    hint: "apt-get clean (or rm -rf /var/cache/apt/*) in the RUN step that installed",
  },
  {
    id: "apk-cache",
    prefixes: ["/var/cache/apk/"],
    hint: "apk add --no-cache, or rm -rf /var/cache/apk/* in the same RUN step",
  },
  {
    id: "dnf-cache",
    prefixes: ["/var/cache/dnf/", "/var/cache/yum/"],
    hint: "dnf clean all (yum clean all) in the RUN step that installed",
  },
  {
    id: "pip-cache",
    prefixes: ["/root/.cache/pip/", "/home/*/.cache/pip/"],
    hint: "pip install --no-cache-dir",
  },
  {
    id: "npm-cache",
    prefixes: ["/root/.npm/", "/home/*/.npm/"],
    hint: "npm cache clean --force in the same RUN step, or a build stage",
  },
  {
    id: "yarn-cache",
    prefixes: ["/usr/local/share/.cache/yarn/", "/root/.cache/yarn/", "/home/*/.cache/yarn/"],
    hint: "yarn cache clean in the same RUN step, or a build stage",
  },
  {
    id: "go-build-cache",
    prefixes: ["/root/.cache/go-build/", "/home/*/.cache/go-build/"],
    hint: "build in a separate stage and copy only the binary",
  },
  {
    id: "tmp",
    prefixes: ["/tmp/", "/var/tmp/"],
    hint: "remove temporary files in the RUN step that made them",
  },
] as const satisfies readonly CacheCategory[];

/** Id of a cache category: `apt-lists`, `apk-cache`, `tmp`, ... */
export type CacheCategoryId = (typeof cacheCategories)[number]["id"];

/** The cache category a path of the final view falls in, if any. */
export function cacheCategoryOf(path: string): (typeof cacheCategories)[number] | undefined {
  return cacheCategories.find((c) => c.prefixes.some((p) => underPrefix(path, p)));
}

/** Whether `path` lies below `prefix`, a `*` component matching any one name. */
function underPrefix(path: string, prefix: string): boolean {
  if (!prefix.includes("*")) return path.startsWith(prefix);
  const want = prefix.split("/");
  const have = path.split("/");
  if (have.length < want.length) return false;
  return want.every((part, i) => part === "" || part === "*" || part === have[i]);
}
