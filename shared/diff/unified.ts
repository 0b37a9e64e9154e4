import type { DiffRow } from './diff-types.ts';

/** One line of a unified (single-column) diff. */
export interface UnifiedLine {
  kind: 'same' | 'added' | 'removed';
  /** Line numbers on each side; null on the side the line is not in. */
  left: number | null;
  right: number | null;
  text: string;
  path?: string;
}

/**
 * The side-by-side rows as one column: each run of differing rows becomes its removed lines
 * followed by its added lines, the way `git diff` shows a change.
 */
export function unifiedLines(rows: DiffRow[]): UnifiedLine[] {
  const lines: UnifiedLine[] = [];
  let i = 0;
  while (i < rows.length) {
    const row = rows[i]!;
    if (row.kind === 'same') {
      lines.push({ kind: 'same', left: row.left?.line ?? null, right: row.right?.line ?? null, text: row.right?.text ?? row.left?.text ?? '' });
      i += 1;
      continue;
    }
    const removed: UnifiedLine[] = [];
    const added: UnifiedLine[] = [];
    while (i < rows.length && rows[i]!.kind !== 'same') {
      const { left, right, path } = rows[i]!;
      if (left) removed.push({ kind: 'removed', left: left.line, right: null, text: left.text, ...(path ? { path } : {}) });
      if (right) added.push({ kind: 'added', left: null, right: right.line, text: right.text, ...(path ? { path } : {}) });
      i += 1;
    }
    lines.push(...removed, ...added);
  }
  return lines;
}
