import type { WorkspaceNode } from '../../../../shared/model/workspace.ts';
import { listRequests } from '../../../../shared/workspace/tree-filter.ts';

export interface PaletteItem {
  key: string;
  kind: 'request' | 'action';
  label: string;
  /** Folder trail for a request, shortcut or hint for an action. */
  detail: string;
  method?: string;
  run: () => void;
}

/**
 * Matches when every word of the query is found in the label or detail (in any order, any case),
 * ranked by where the first word hits: the start of the name first, then anywhere in the name,
 * then the folder trail or URL.
 */
export function rankItems(items: readonly PaletteItem[], query: string, limit = 50): PaletteItem[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return items.slice(0, limit);
  const scored: { item: PaletteItem; score: number }[] = [];
  for (const item of items) {
    const label = item.label.toLowerCase();
    const haystack = `${label} ${item.detail.toLowerCase()}`;
    if (!words.every((word) => haystack.includes(word))) continue;
    const first = words[0]!;
    const score = label.startsWith(first) ? 0 : label.includes(first) ? 1 : 2;
    scored.push({ item, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.item.label.localeCompare(b.item.label))
    .slice(0, limit)
    .map(({ item }) => item);
}

/** Every saved request as a palette item: "Name", with "Collection / Folder · URL" as detail. */
export function requestItems(collections: readonly WorkspaceNode[], open: (path: string) => void): PaletteItem[] {
  return listRequests(collections).map(({ node, trail }) => ({
    key: `request:${node.path}`,
    kind: 'request',
    label: node.name,
    detail: [trail.join(' / '), node.url].filter(Boolean).join(' · '),
    method: node.requestKind === 'websocket' ? 'WS' : node.method,
    run: () => open(node.path),
  }));
}
