import type { FileNode, FileTree } from "../../filetree/file-tree.js";
import type { RuntimeDraft } from "./runtime-package.js";

/** A runtime read from names in the tree alone, with the path that told of it. */
export interface NamedRuntime {
  draft: RuntimeDraft;
  path: string;
  layerIndex: number;
}

/**
 * Runtimes whose version is in a file or directory name, so no bytes are read: a source-built
 * Ruby's `/usr/local/lib/libruby.so.3.2.2` and .NET's `shared/Microsoft.NETCore.App/8.0.1/`.
 */
export function probeTree(tree: FileTree): NamedRuntime[] {
  return [...ruby(tree), ...dotnet(tree)];
}

function ruby(tree: FileTree): NamedRuntime[] {
  return children(tree, "/usr/local/lib").flatMap(([name, node]) => {
    const version = /^libruby\.so\.(\d+\.\d+\.\d+)$/.exec(name)?.[1];
    if (!version || node.type === "dir") return [];
    const draft: RuntimeDraft = { product: "ruby", name: "ruby", version, foundHow: "binary" };
    return [{ draft, path: `/usr/local/lib/${name}`, layerIndex: node.layerIndex }];
  });
}

const DOTNET_ROOTS = ["/usr/share/dotnet", "/usr/lib/dotnet", "/usr/lib64/dotnet"];

function dotnet(tree: FileTree): NamedRuntime[] {
  return DOTNET_ROOTS.flatMap((root) => {
    const dir = `${root}/shared/Microsoft.NETCore.App`;
    return children(tree, dir).flatMap(([name, node]) => {
      if (node.type !== "dir" || !/^\d+\.\d+\.\d+/.test(name)) return [];
      const draft: RuntimeDraft = {
        product: "dotnet",
        name: "dotnet-runtime",
        version: name,
        foundHow: "binary",
      };
      return [{ draft, path: `${dir}/${name}`, layerIndex: node.layerIndex }];
    });
  });
}

function children(tree: FileTree, dir: string): [string, FileNode][] {
  try {
    return [...(tree.get(dir)?.children ?? [])];
  } catch {
    // A symlink loop on the way is reported by the walk already; nothing to read here.
    return [];
  }
}
