import { baseNameOf, type FileParser, type PackageDraft } from "../file-parsers.js";

/**
 * pip requirements files (`requirements*.txt`, `*-requirements.txt`). Only pins (`name==1.0`,
 * `name===1.0`) name a version; a range says what may be installed, not what is, so it is
 * not reported. https://pip.pypa.io/en/stable/reference/requirements-file-format/
 */
export const requirementsParser = {
  id: "requirements",
  foundHow: "manifest",
  matches: (path: string) => /requirements.*\.txt$/.test(baseNameOf(path)),
  parse(text: string): PackageDraft[] {
    return logicalLines(text).flatMap((line) => {
      const pin = readPin(line);
      return pin ? [pin] : [];
    });
  },
} satisfies FileParser;

/** Lines with comments dropped and `\` continuations joined. */
function logicalLines(text: string): string[] {
  return text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, "").trim())
    .filter((line) => line !== "" && !line.startsWith("-"));
}

const PIN = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*===?\s*([^\s;,]+)\s*(?:;.*)?$/;

function readPin(line: string): PackageDraft | undefined {
  const requirement = line.replace(/\s--hash[=\s]\S+/g, "").trim();
  const match = PIN.exec(requirement);
  if (match === null) return undefined;
  const version = match[2] as string;
  // A wildcard pin (`==1.*`) is a range in disguise; `${VAR}` is filled in only at install.
  if (version.includes("*") || version.includes("${")) return undefined;
  return { name: match[1] as string, version };
}
