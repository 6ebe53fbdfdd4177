/**
 * The outdated-components model: end-of-life dates as endoflife.date publishes them, and the
 * report {@link assessOutdated} writes from a scan result (distro and runtimes against those
 * dates, image age, and how far installed packages lag behind known fixes).
 */
import type { Distro, Location, Package } from "../types.js";

/** A date (`YYYY-MM-DD`), or a yes/no when the publisher gives no date. */
export type EolDate = string | boolean;

/**
 * One release cycle in the endoflife.date API shape (https://endoflife.date/docs/api/v1/, the
 * `/api/<product>.json` list). What each date means is the publisher's, per product: see
 * {@link EolProduct} for how Lading reads them.
 */
export interface EolCycle {
  /** Release cycle as the product names it: `3.10`, `12`, `22.04`, `16`, `8.0`. */
  cycle: string;
  releaseDate?: string;
  /** End of security support (`true`: ended on an unknown date; `false`: not announced). */
  eol: EolDate;
  /** End of active support (bug fixes); absent when the product makes no such distinction. */
  support?: EolDate;
  /** End of extended support (Debian LTS, Ubuntu ESM, RHEL ELS, ...). */
  extendedSupport?: EolDate;
  /** Whether the cycle is a long-term one, or the date it became one. */
  lts?: EolDate;
  /** Newest release of the cycle the publisher knew of. */
  latest?: string;
  codename?: string;
}

/** The end-of-life data at hand: each product's cycles, by endoflife.date product name. */
export interface EolData {
  products: ReadonlyMap<string, readonly EolCycle[]>;
  /** When each product's file was last fetched, or undefined for the copy shipped with Lading. */
  fetchedAt: ReadonlyMap<string, string | undefined>;
  /** Records that could not be read, with the reason; they never stop the others. */
  skipped: readonly { product: string; reason: string }[];
}

/**
 * Where a cycle stands on a date. `supported`: fully supported; `security-only`: only security
 * fixes (active support over, or a free long-term programme such as Debian LTS);
 * `eol`: past the end of security support (paid extended support may still exist);
 * `unknown`: no data for the product or cycle, never read as supported.
 */
export type SupportState = "supported" | "security-only" | "eol" | "unknown";

/** Which date of a cycle decided its state. */
export type DecidingField = "support" | "eol" | "extendedSupport";

/** A product/cycle judged against its dates on the report's date. */
export interface EolVerdict {
  /** endoflife.date product name (`alpine`, `nodejs`), or undefined when none applies. */
  product?: string;
  cycle?: string;
  state: SupportState;
  /** The date that decided the state and the field it came from; absent for `unknown`. */
  decidedBy?: { field: DecidingField; date?: string };
  releaseDate?: string;
  /** End of active support, when the product has one. */
  supportEnd?: EolDate;
  /** End of the last free security support (Debian LTS included). */
  securityEnd?: EolDate;
  /** End of support a vendor sells beyond {@link securityEnd} (Ubuntu Pro ESM, RHEL ELS). */
  paidSupportEnd?: EolDate;
  latest?: string;
  /** Why the state is `unknown`. */
  reason?: string;
}

/** The distro release's verdict. */
export interface DistroEol extends EolVerdict {
  distro: Distro;
}

/** Language runtimes Lading judges, by the endoflife.date product their dates come from. */
export type RuntimeProduct =
  | "nodejs"
  | "python"
  | "eclipse-temurin"
  | "go"
  | "ruby"
  | "php"
  | "dotnet";

/** A runtime found in the image or tree, before judging it. */
export interface RuntimeFinding {
  product: RuntimeProduct;
  /** The version found (`16.20.2`), or the constraint declared (`>=16`) for a source tree. */
  version: string;
  /** The cycle it belongs to (`16`, `3.11`, `1.21`, `8.0`). */
  cycle: string;
  /** True when the version is a declared requirement (engines, `.nvmrc`), not an installation. */
  declared: boolean;
  /** The packages that told of it (purls) and where they were found. */
  evidence: { purl: string; location?: Location }[];
}

/** A runtime with its verdict. */
export interface RuntimeEol extends Omit<EolVerdict, "product" | "cycle">, RuntimeFinding {}

/** An age checked against a threshold. */
export interface AgeCheck {
  /** The timestamp the age is measured from (RFC 3339, as the image config gives it). */
  since: string;
  days: number;
  thresholdDays: number;
  stale: boolean;
}

/** Thresholds past which an image counts as stale. */
export interface StaleThresholds {
  /** Days since the image was built (config `created`). Default 90. */
  imageAgeDays: number;
  /** Days since the newest layer that holds files was created. Default 180. */
  newestLayerAgeDays: number;
}

/** Image age, from the config's `created` and the history of its last non-empty layer. */
export interface ImageAge {
  image?: AgeCheck;
  newestLayer?: AgeCheck;
  /** Why an age is missing (no image, no dates in the config, unreadable date). */
  notes: string[];
}

/** A fix that advisory data knows for a package: the fixed version and the advisories it closes. */
export interface KnownFix {
  version: string;
  advisories: string[];
}

/**
 * Tells what fixes the advisory data knows for an installed OS package (matched by the
 * provider on the package's source name and the distro release). Returns `[]` when none.
 */
export type FixedVersionsProvider = (pkg: Package) => readonly KnownFix[];

/** One installed package older than a fix the advisory data knows. */
export interface BehindPackage {
  name: string;
  purl: string;
  installed: string;
  /** The newest fixed version known. */
  newestFixed: string;
  /** Fixes newer than the installed version: how far behind, in releases that fixed something. */
  missedFixes: number;
  /** Advisories those missed fixes close, whatever their severity. */
  advisories: string[];
}

/** How far the installed OS packages are behind the fixes the advisory data knows. */
export interface BehindDistro {
  /** OS packages checked (those with a version scheme). */
  checked: number;
  behind: BehindPackage[];
  /** Packages whose version could not be compared, with the reason. */
  notCompared: { purl: string; reason: string }[];
}

/** Everything {@link assessOutdated} found. */
export interface OutdatedReport {
  /** The date the report was judged at (`YYYY-MM-DD`). */
  assessedOn: string;
  /** Undefined when the scan found no distro (a directory, a distroless image). */
  distro?: DistroEol;
  runtimes: RuntimeEol[];
  age: ImageAge;
  /** Present only when a {@link FixedVersionsProvider} was given. */
  behind?: BehindDistro;
  /** True when the distro or a found runtime is past the end of its security support. */
  pastSecuritySupport: boolean;
}
