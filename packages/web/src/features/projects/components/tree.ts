import { type Severity, type SeverityCounts, zeroCounts } from "../../../lib/severity";

/** A project as the tree needs it. */
export interface TreeInput {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
  kind: string;
}

/** A node with its children and the counts of its whole branch. */
export interface TreeNode extends TreeInput {
  children: TreeNode[];
  counts: SeverityCounts;
}

/**
 * Builds the host → container tree from flat projects, summing each branch's counts from its
 * scanned projects. A node whose parent is not in the list becomes a root (it may be outside the
 * caller's view or past the page cap).
 */
export function buildTree(
  projects: readonly TreeInput[],
  countsById: ReadonlyMap<string, SeverityCounts>,
  severities: readonly Severity[],
): TreeNode[] {
  const nodes = new Map<string, TreeNode>(
    projects.map((p) => [p.id, { ...p, children: [], counts: zeroCounts(severities) }]),
  );
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  for (const root of roots) sumBranch(root, countsById, severities);
  return sortNodes(roots);
}

function sumBranch(
  node: TreeNode,
  countsById: ReadonlyMap<string, SeverityCounts>,
  severities: readonly Severity[],
) {
  const own = countsById.get(node.id);
  for (const s of severities) node.counts[s] = own?.[s] ?? 0;
  for (const child of node.children) {
    sumBranch(child, countsById, severities);
    for (const s of severities) node.counts[s] += child.counts[s];
  }
}

function sortNodes(nodes: TreeNode[]): TreeNode[] {
  nodes.sort((a, b) => a.name.localeCompare(b.name));
  for (const n of nodes) sortNodes(n.children);
  return nodes;
}
