import type { WorkspaceNode } from '../model/workspace.ts';

export interface FilteredTree {
  nodes: WorkspaceNode[];
  /** Collections and folders to show open so every match is visible. */
  expanded: Set<string>;
  /** How many requests matched. */
  matches: number;
}

/**
 * The tree narrowed to requests whose name or URL contains the query (case-insensitive), with the
 * folders leading to them; a collection or folder whose own name matches keeps all it holds.
 * An empty query returns the tree as it is.
 */
export function filterTree(nodes: readonly WorkspaceNode[], query: string): FilteredTree {
  const needle = query.trim().toLowerCase();
  const expanded = new Set<string>();
  if (needle === '') return { nodes: [...nodes], expanded, matches: 0 };
  let matches = 0;

  const visit = (node: WorkspaceNode): WorkspaceNode | undefined => {
    if (node.kind === 'request') {
      const hit = node.name.toLowerCase().includes(needle) || (node.url?.toLowerCase().includes(needle) ?? false);
      if (hit) matches += 1;
      return hit ? node : undefined;
    }
    if (node.name.toLowerCase().includes(needle)) {
      matches += countRequests(node);
      return node;
    }
    const children = (node.children ?? []).flatMap((child) => visit(child) ?? []);
    if (children.length === 0) return undefined;
    expanded.add(node.path);
    return { ...node, children };
  };

  return { nodes: nodes.flatMap((node) => visit(node) ?? []), expanded, matches };
}

function countRequests(node: WorkspaceNode): number {
  if (node.kind === 'request') return 1;
  return (node.children ?? []).reduce((sum, child) => sum + countRequests(child), 0);
}

/** Every request in the tree, depth first, with the names of the folders above it (for the command palette). */
export function listRequests(nodes: readonly WorkspaceNode[]): { node: WorkspaceNode; trail: string[] }[] {
  const out: { node: WorkspaceNode; trail: string[] }[] = [];
  const walk = (node: WorkspaceNode, trail: string[]) => {
    if (node.kind === 'request') out.push({ node, trail });
    else for (const child of node.children ?? []) walk(child, [...trail, node.name]);
  };
  for (const node of nodes) walk(node, []);
  return out;
}

/** The node at a path, if the tree has it. */
export function findNode(nodes: readonly WorkspaceNode[], path: string): WorkspaceNode | undefined {
  for (const node of nodes) {
    if (node.path === path) return node;
    if (node.children && path.startsWith(`${node.path}/`)) return findNode(node.children, path);
  }
  return undefined;
}
