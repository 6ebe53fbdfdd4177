/**
 * The registry's catalogers with the Java one not asking for `.jar` files (it still reads .war,
 * .ear and the rest, as Trivy with `--skip-files '**\/*.jar'` still does). A module of its own,
 * given to `scan()` as `catalogerModule`, so that the scanner's layer-reading worker threads can
 * load the same list (functions cannot be sent to a thread).
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dist = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "packages",
  "scanner",
  "dist",
);
const registry = await import(join(dist, "catalog", "registry.js"));

const skipJars = (cataloger) =>
  cataloger.name === "java"
    ? { ...cataloger, wants: (path) => !path.endsWith(".jar") && cataloger.wants(path) }
    : cataloger;

/** What the benchmark scans with. */
export const catalogers = registry.catalogers.map(skipJars);
