import { formatPurl } from "../purl.js";

/** A project name normalised per PEP 503: lower case, runs of `-`, `_`, `.` become one `-`. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** The purl of a Python package, whose name is normalised per PEP 503 as the purl spec says. */
export function pypiPurl(name: string, version: string): string {
  return formatPurl({ type: "pypi", name: normalizePypiName(name), version });
}
