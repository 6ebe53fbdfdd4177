import type { NugetEntry } from "./package.js";

type Obj = Record<string, unknown>;

const asObj = (v: unknown): Obj =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {};

/**
 * Parses an application's `<app>.deps.json`, which the .NET host reads at start-up: each
 * `libraries` key is `Name/Version` with a `type` (`project`, `package`, ...); the `targets`
 * sections give each library's dependencies.
 * https://github.com/dotnet/runtime/blob/v8.0.0/docs/design/features/host-probing.md
 */
export function parseDepsJson(text: string): NugetEntry[] {
  const doc = asObj(JSON.parse(text));
  const dependencies = targetDependencies(asObj(doc.targets));
  return Object.entries(asObj(doc.libraries)).flatMap(([key, value]) => {
    const slash = key.indexOf("/");
    if (slash <= 0 || slash === key.length - 1) return [];
    const library = asObj(value);
    return [
      {
        name: key.slice(0, slash),
        version: key.slice(slash + 1),
        dependsOn: dependencies.get(key) ?? [],
        metadata: {
          libraryType: library.type,
          sha512: library.sha512 || undefined,
          path: library.path,
        },
      },
    ];
  });
}

function targetDependencies(targets: Obj): Map<string, string[]> {
  const deps = new Map<string, string[]>();
  for (const target of Object.values(targets)) {
    for (const [key, value] of Object.entries(asObj(target))) {
      const names = Object.keys(asObj(asObj(value).dependencies));
      deps.set(key, [...new Set([...(deps.get(key) ?? []), ...names])]);
    }
  }
  return deps;
}
