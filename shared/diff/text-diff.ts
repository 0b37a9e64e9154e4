import type { DiffRow } from './diff-types.ts';

export interface TextDiff {
  rows: DiffRow[];
  /** Runs of changed lines. */
  changes: number;
}

type Op = 'equal' | 'delete' | 'insert';

/**
 * Bounds the work of the line diff. Past it the differing middle (after the common head and tail)
 * is shown as one changed block: still correct, just coarser, and never a frozen UI.
 */
const MAX_WORK = 1_000_000;

/** A line-by-line diff (Myers' O(ND) algorithm) of two texts, as aligned side-by-side rows. */
export function diffText(left: string, right: string): TextDiff {
  return diffLines(splitLines(left), splitLines(right));
}

export function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/\r?\n/);
}

export function diffLines(left: string[], right: string[]): TextDiff {
  let head = 0;
  while (head < left.length && head < right.length && left[head] === right[head]) head += 1;
  let tail = 0;
  while (tail < left.length - head && tail < right.length - head && left[left.length - 1 - tail] === right[right.length - 1 - tail]) tail += 1;

  const middleLeft = left.slice(head, left.length - tail);
  const middleRight = right.slice(head, right.length - tail);
  const middle = shortestEdit(middleLeft, middleRight) ?? [...middleLeft.map((): Op => 'delete'), ...middleRight.map((): Op => 'insert')];
  const ops: Op[] = [...Array<Op>(head).fill('equal'), ...middle, ...Array<Op>(tail).fill('equal')];
  return toRows(ops, left, right);
}

/** Myers' shortest edit script, or undefined when it would take more than MAX_WORK steps. */
function shortestEdit(a: string[], b: string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map(() => 'insert');
  if (m === 0) return a.map(() => 'delete');
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  // trace[d] is v for diagonals -d..d as it stood before step d, for walking the path back.
  const trace: Int32Array[] = [];
  let work = 0;
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(max - d, max + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!) ? v[max + k + 1]! : v[max + k - 1]! + 1;
      let y = x - k;
      const start = x;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[max + k] = x;
      work += 1 + x - start;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
    if (work > MAX_WORK) return undefined;
  }
  return undefined;
}

function backtrack(trace: Int32Array[], end: number, n: number, m: number): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = end; d > 0; d--) {
    const before = trace[d]!;
    const at = (k: number) => before[k + d]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push('equal');
      x -= 1;
      y -= 1;
    }
    ops.push(x === previousX ? 'insert' : 'delete');
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    ops.push('equal');
    x -= 1;
    y -= 1;
  }
  return ops.reverse();
}

/** Equal lines become `same` rows; each run of deletions and insertions is paired up as `changed`. */
function toRows(ops: Op[], left: string[], right: string[]): TextDiff {
  const rows: DiffRow[] = [];
  let changes = 0;
  let li = 0;
  let ri = 0;
  let i = 0;
  while (i < ops.length) {
    if (ops[i] === 'equal') {
      rows.push({ kind: 'same', left: { line: li + 1, text: left[li]! }, right: { line: ri + 1, text: right[ri]! } });
      li += 1;
      ri += 1;
      i += 1;
      continue;
    }
    const deleted: number[] = [];
    const inserted: number[] = [];
    while (i < ops.length && ops[i] !== 'equal') {
      if (ops[i] === 'delete') deleted.push(li++);
      else inserted.push(ri++);
      i += 1;
    }
    changes += 1;
    for (let j = 0; j < Math.max(deleted.length, inserted.length); j++) {
      const l = deleted[j];
      const r = inserted[j];
      rows.push({
        kind: l !== undefined && r !== undefined ? 'changed' : l !== undefined ? 'removed' : 'added',
        left: l === undefined ? null : { line: l + 1, text: left[l]! },
        right: r === undefined ? null : { line: r + 1, text: right[r]! },
      });
    }
  }
  return { rows, changes };
}
