import { describe, expect, it } from 'vitest';
import { diffLines, diffText, splitLines } from '../../../../shared/diff/text-diff.ts';

describe('diffText', () => {
  it('equal texts are all "same" rows', () => {
    const result = diffText('a\nb\nc', 'a\nb\nc');
    expect(result.changes).toBe(0);
    expect(result.rows.every((row) => row.kind === 'same')).toBe(true);
  });

  it('finds a changed line between equal ones and pairs it', () => {
    const result = diffText('one\ntwo\nthree', 'one\nTWO\nthree');
    expect(result.changes).toBe(1);
    expect(result.rows.map((row) => [row.kind, row.left?.text, row.right?.text])).toEqual([
      ['same', 'one', 'one'],
      ['changed', 'two', 'TWO'],
      ['same', 'three', 'three'],
    ]);
  });

  it('finds the minimal edit: inserted and removed lines in the middle', () => {
    const result = diffLines(['a', 'b', 'c', 'd', 'e'], ['a', 'x', 'b', 'c', 'e']);
    expect(result.rows.map((row) => row.kind)).toEqual(['same', 'added', 'same', 'same', 'removed', 'same']);
    expect(result.changes).toBe(2);
    expect(result.rows[1]).toEqual({ kind: 'added', left: null, right: { line: 2, text: 'x' } });
    expect(result.rows[4]).toEqual({ kind: 'removed', left: { line: 4, text: 'd' }, right: null });
  });

  it('handles an empty side', () => {
    expect(diffText('', 'a\nb').rows.map((row) => row.kind)).toEqual(['added', 'added']);
    expect(diffText('a', '').rows.map((row) => row.kind)).toEqual(['removed']);
    expect(diffText('', '').rows).toEqual([]);
  });

  it('treats CRLF and LF line ends alike', () => {
    expect(splitLines('a\r\nb\nc')).toEqual(['a', 'b', 'c']);
    expect(diffText('a\r\nb', 'a\nb').changes).toBe(0);
  });

  it('keeps every line of both sides, in order, whatever the edit', () => {
    const left = Array.from({ length: 300 }, (_, i) => `line ${i % 17} ${i % 5}`);
    const right = left.filter((_, i) => i % 7 !== 0).map((line, i) => (i % 11 === 0 ? `${line}!` : line));
    const { rows } = diffLines(left, right);
    expect(rows.flatMap((row) => (row.left ? [row.left.text] : []))).toEqual(left);
    expect(rows.flatMap((row) => (row.right ? [row.right.text] : []))).toEqual(right);
    expect(rows.filter((row) => row.kind === 'same').every((row) => row.left!.text === row.right!.text)).toBe(true);
  });

  it('stays fast on large, completely different texts (falls back to one changed block)', () => {
    const left = Array.from({ length: 20_000 }, (_, i) => `left ${i}`);
    const right = Array.from({ length: 20_000 }, (_, i) => `right ${i}`);
    const started = performance.now();
    const result = diffLines(left, right);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.changes).toBe(1);
    expect(result.rows).toHaveLength(20_000);
    expect(result.rows.every((row) => row.kind === 'changed')).toBe(true);
  });
});
