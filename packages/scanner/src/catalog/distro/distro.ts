import type { FileTree } from "../../filetree/file-tree.js";
import type { Distro } from "../../types.js";

// Placeholder contract for the distro detector; the full reader (os-release and the
// *-release fallbacks) lives beside this file.
const FILES = new Set(["/etc/os-release", "/usr/lib/os-release"]);

/** Reads the distro of the squashed tree. */
export const distroDetector = {
  name: "distro",
  maxFileSize: 64 * 1024,
  wants: (path: string) => FILES.has(path),
  detect(tree: FileTree): Distro | undefined {
    for (const path of FILES) {
      const content = tree.read(path);
      if (content) return parseOsRelease(content.toString("utf8"));
    }
    return undefined;
  },
};

function parseOsRelease(text: string): Distro | undefined {
  const fields = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) fields.set(match[1] as string, (match[2] as string).replace(/^["']|["']$/g, ""));
  }
  const id = fields.get("ID");
  if (!id) return undefined;
  return {
    id: id.toLowerCase(),
    versionId: fields.get("VERSION_ID"),
    versionCodename: fields.get("VERSION_CODENAME"),
    name: fields.get("NAME"),
    prettyName: fields.get("PRETTY_NAME"),
  };
}
