import type { FileParser, PackageDraft } from "../file-parsers.js";

/**
 * Bundler's `Gemfile.lock` (and `gems.locked`): the `specs:` of the GEM, GIT and PATH sections
 * list each resolved gem at four spaces (`name (version[-platform])`) and its dependencies at
 * six. https://bundler.io/guides/bundler_docs.html
 */
export const gemfileLockParser = {
  id: "gemfile-lock",
  foundHow: "lockfile",
  matches: (path: string) => /\/(?:Gemfile\.lock|gems\.locked)$/.test(path),
  parse(text: string): PackageDraft[] {
    const drafts: PackageDraft[] = [];
    let section = "";
    let inSpecs = false;
    for (const line of text.split(/\r?\n/)) {
      if (/^\S/.test(line)) section = line.trim();
      else if (/^ {2}specs:/.test(line)) inSpecs = true;
      else if (/^ {2}\S/.test(line)) inSpecs = false;
      if (!inSpecs || !["GEM", "GIT", "PATH"].includes(section)) continue;
      readSpecLine(line, section, drafts);
    }
    return drafts;
  },
} satisfies FileParser;

function readSpecLine(line: string, section: string, drafts: PackageDraft[]): void {
  const gem = /^ {4}([^\s(]+) \(([^)]+)\)$/.exec(line);
  if (gem) {
    const [version, platform] = splitPlatform(gem[2] as string);
    const metadata: Record<string, unknown> = { source: section.toLowerCase() };
    if (platform) metadata.platform = platform;
    drafts.push({ name: gem[1] as string, version, requires: [], metadata });
    return;
  }
  const dep = /^ {6}([^\s(]+)/.exec(line);
  if (dep) drafts[drafts.length - 1]?.requires?.push({ name: dep[1] as string });
}

/** `1.10.10-x86_64-linux` is version 1.10.10 built for a platform. */
function splitPlatform(text: string): [string, string | undefined] {
  const match = /^([0-9][^-]*)-(.+)$/.exec(text);
  return match ? [match[1] as string, match[2]] : [text, undefined];
}
