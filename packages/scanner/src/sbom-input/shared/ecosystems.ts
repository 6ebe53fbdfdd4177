/**
 * Package types other tools write where a purl is missing, mapped to purl types so that such a
 * package still gets a purl a vulnerability database can match. Sources: syft's `pkg.Type`
 * values (syft/pkg/type.go) and Trivy's `PkgType`/`Type` values (pkg/fanal/types/const.go).
 */
const TOOL_TYPES: Readonly<Record<string, string>> = {
  // syft
  apk: "apk",
  deb: "deb",
  rpm: "rpm",
  npm: "npm",
  python: "pypi",
  "java-archive": "maven",
  "go-module": "golang",
  "rust-crate": "cargo",
  gem: "gem",
  "php-composer": "composer",
  dotnet: "nuget",
  alpm: "alpm",
  // Trivy
  alpine: "apk",
  debian: "deb",
  ubuntu: "deb",
  redhat: "rpm",
  centos: "rpm",
  rocky: "rpm",
  alma: "rpm",
  amazon: "rpm",
  fedora: "rpm",
  "node-pkg": "npm",
  yarn: "npm",
  pnpm: "npm",
  "python-pkg": "pypi",
  pip: "pypi",
  pipenv: "pypi",
  poetry: "pypi",
  jar: "maven",
  pom: "maven",
  gradle: "maven",
  gomod: "golang",
  gobinary: "golang",
  cargo: "cargo",
  "rust-binary": "cargo",
  gemspec: "gem",
  bundler: "gem",
  composer: "composer",
  nuget: "nuget",
  "dotnet-core": "nuget",
  // purl types stand for themselves (Lading's SPDX ids carry the purl type)
  maven: "maven",
  pypi: "pypi",
  golang: "golang",
};

/** The purl type a tool's package type stands for, or undefined when it names none. */
export function purlTypeForToolType(toolType: string | undefined): string | undefined {
  return toolType === undefined ? undefined : TOOL_TYPES[toolType.toLowerCase()];
}

/** purl types whose namespace is the distribution (`pkg:deb/debian/...`). */
export const OS_PURL_TYPES: ReadonlySet<string> = new Set(["deb", "apk", "rpm", "alpm"]);
