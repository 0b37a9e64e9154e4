import type { WorkspaceNode } from '../../../../shared/model/workspace.ts';

export interface TreeRow {
  node: WorkspaceNode;
  depth: number;
  expanded: boolean;
}

/** The visible rows of the tree, depth first: children of collapsed collections and folders are left out. */
export function visibleRows(nodes: readonly WorkspaceNode[], isExpanded: (path: string) => boolean): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (node: WorkspaceNode, depth: number) => {
    const expanded = node.kind !== 'request' && isExpanded(node.path);
    rows.push({ node, depth, expanded });
    if (expanded) for (const child of node.children ?? []) walk(child, depth + 1);
  };
  for (const node of nodes) walk(node, 0);
  return rows;
}

/** Every collection and folder, depth first, as "Collection / Folder" labels (for "save to…" pickers). */
export function containers(nodes: readonly WorkspaceNode[]): { path: string; label: string; depth: number }[] {
  const out: { path: string; label: string; depth: number }[] = [];
  const walk = (node: WorkspaceNode, trail: string[]) => {
    if (node.kind === 'request') return;
    const names = [...trail, node.name];
    out.push({ path: node.path, label: names.join(' / '), depth: trail.length });
    for (const child of node.children ?? []) walk(child, names);
  };
  for (const node of nodes) walk(node, []);
  return out;
}

/** The collection a workspace path belongs to (its first segment). */
export function collectionOf(path: string): string {
  const slash = path.indexOf('/');
  return slash === -1 ? path : path.slice(0, slash);
}
