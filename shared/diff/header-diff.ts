import type { RawHeader } from '../model/response.ts';
import type { DiffKind, HeaderDiffRow } from './diff-types.ts';
import { isVolatileHeader } from './volatile-headers.ts';

/**
 * Compares two header lists by name, case-insensitively (HTTP header names are). A name that
 * occurs several times (Set-Cookie) is compared as the list of its values in order. Rows follow
 * the left side's order, then names only on the right.
 */
export function diffHeaders(left: RawHeader[], right: RawHeader[]): HeaderDiffRow[] {
  const groups = new Map<string, { name: string; left: string[]; right: string[] }>();
  const add = (headers: RawHeader[], side: 'left' | 'right') => {
    for (const [name, value] of headers) {
      const key = name.toLowerCase();
      let group = groups.get(key);
      if (!group) {
        group = { name, left: [], right: [] };
        groups.set(key, group);
      }
      group[side].push(value);
    }
  };
  add(left, 'left');
  add(right, 'right');
  return [...groups.values()].map((group) => ({ ...group, kind: kindOf(group.left, group.right), volatile: isVolatileHeader(group.name) }));
}

function kindOf(left: string[], right: string[]): DiffKind {
  if (left.length === 0) return 'added';
  if (right.length === 0) return 'removed';
  return left.length === right.length && left.every((value, i) => value === right[i]) ? 'same' : 'changed';
}
