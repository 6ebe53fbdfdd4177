import type { Package } from "../../types.js";
import type { RuntimeProduct } from "../types.js";

/** A runtime an OS or language package stands for, and its cycle when the name fixes it. */
export interface RuntimeHint {
  product: RuntimeProduct;
  /** Cycle taken from the package name (`python3.11` → `3.11`), which the version may lack. */
  cycle?: string;
}

interface Rule {
  product: RuntimeProduct;
  types: readonly string[];
  name: RegExp;
  /** Builds the cycle from the name's match, when the name carries it. */
  cycle?: (match: RegExpExecArray) => string | undefined;
}

const OS = ["deb", "apk", "rpm"] as const;

/**
 * Which installed packages are a runtime: Debian's versioned names (`python3.11`,
 * `openjdk-17-jre-headless`, `ruby3.1`, `php8.2-cli`, `golang-1.21-go`), Alpine's
 * (`openjdk17`, `php82`, `dotnet8-runtime`) and Red Hat's (`java-17-openjdk`,
 * `dotnet-runtime-8.0`), and the toolchain a Go binary was built with (module `stdlib`).
 * Libraries (`libpython3.11`) and tools do not count: they are not the interpreter itself.
 */
const RULES: readonly Rule[] = [
  { product: "nodejs", types: OS, name: /^nodejs(-current)?$/ },
  {
    product: "python",
    types: ["deb", "rpm"],
    name: /^python(\d\.\d+)(-minimal)?$/,
    cycle: (m) => m[1],
  },
  { product: "python", types: ["rpm"], name: /^python(\d)(\d+)$/, cycle: (m) => `${m[1]}.${m[2]}` },
  { product: "python", types: OS, name: /^python[23]?$/ },
  {
    product: "eclipse-temurin",
    types: ["deb"],
    name: /^openjdk-(\d+)-(jre|jdk)(-headless)?$/,
    cycle: (m) => m[1],
  },
  {
    product: "eclipse-temurin",
    types: ["apk"],
    name: /^openjdk(\d+)(-jre|-jdk)?(-headless)?$/,
    cycle: (m) => m[1],
  },
  {
    product: "eclipse-temurin",
    types: ["rpm"],
    name: /^java-(\d+|1\.8\.0)-openjdk(-headless|-devel)?$/,
    cycle: (m) => m[1]?.replace("1.8.0", "8"),
  },
  { product: "go", types: ["golang"], name: /^stdlib$/ },
  { product: "go", types: ["deb"], name: /^golang-(\d\.\d+)-go$/, cycle: (m) => m[1] },
  { product: "go", types: ["apk", "rpm"], name: /^go(lang)?$/ },
  { product: "ruby", types: ["deb"], name: /^ruby(\d\.\d+)$/, cycle: (m) => m[1] },
  { product: "ruby", types: ["apk", "rpm"], name: /^ruby$/ },
  { product: "php", types: ["deb"], name: /^php(\d\.\d)(-cli|-fpm|-cgi)?$/, cycle: (m) => m[1] },
  {
    product: "php",
    types: ["apk"],
    name: /^php(\d)(\d)?$/,
    cycle: (m) => (m[2] ? `${m[1]}.${m[2]}` : undefined),
  },
  { product: "php", types: ["rpm"], name: /^php(-cli)?$/ },
  {
    product: "dotnet",
    types: ["deb", "rpm"],
    name: /^(dotnet|aspnetcore)-runtime-(\d+\.\d+)$/,
    cycle: (m) => m[2],
  },
  {
    product: "dotnet",
    types: ["apk"],
    name: /^(dotnet|aspnetcore)(\d+)-runtime$/,
    cycle: (m) => `${m[2]}.0`,
  },
];

/** The runtime a package stands for, or undefined for any other package. */
export function runtimeHint(pkg: Package): RuntimeHint | undefined {
  for (const rule of RULES) {
    if (!rule.types.includes(pkg.type)) continue;
    const match = rule.name.exec(pkg.name);
    if (match) return { product: rule.product, cycle: rule.cycle?.(match) };
  }
  return undefined;
}
