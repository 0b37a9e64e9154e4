import type { TextMark } from '../../components/CodeView.tsx';
import type { SearchState } from './SearchBar.tsx';

const MAX_MATCHES = 10_000;

export type FindResult = { ok: true; marks: TextMark[]; truncated: boolean } | { ok: false; problem: string };

/** Every match of the search in the text, line by line (the same rules the engine applies to large bodies). */
export function findMatches(text: string, search: SearchState): FindResult {
  if (search.query === '') return { ok: true, marks: [], truncated: false };
  let pattern: RegExp;
  try {
    pattern = search.regex
      ? new RegExp(search.query, search.caseSensitive ? 'gu' : 'giu')
      : new RegExp(search.query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), search.caseSensitive ? 'g' : 'gi');
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
  const marks: TextMark[] = [];
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    pattern.lastIndex = 0;
    const content = lines[line]!;
    for (let match = pattern.exec(content); match; match = pattern.exec(content)) {
      if (match[0].length === 0) {
        pattern.lastIndex += 1;
        continue;
      }
      marks.push({ line, start: match.index, length: match[0].length });
      if (marks.length >= MAX_MATCHES) return { ok: true, marks, truncated: true };
    }
  }
  return { ok: true, marks, truncated: false };
}
