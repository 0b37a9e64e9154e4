import { describe, expect, it } from 'vitest';
import { diffBodies } from '../../../../shared/diff/body-diff.ts';
import { unifiedLines } from '../../../../shared/diff/unified.ts';

const text = (value: string, partial = false) => ({ kind: 'text' as const, text: value, partial });

describe('diffBodies', () => {
  it('compares two complete JSON bodies structurally', () => {
    const result = diffBodies(text('{"a":1,"b":2}'), text('{"b":2,"a":3}'));
    expect(result).toMatchObject({ format: 'json', changes: 1, changedPaths: ['$.a'], partial: false, identical: false });
  });

  it('equal JSON with different formatting is identical', () => {
    expect(diffBodies(text('{"a":[1,2]}'), text('{\n  "a": [1, 2]\n}'))).toMatchObject({ format: 'json', changes: 0, identical: true });
  });

  it('falls back to a line diff for text, for a preview cut short, and for JSON against non-JSON', () => {
    expect(diffBodies(text('a\nb'), text('a\nc'))).toMatchObject({ format: 'text', changes: 1 });
    expect(diffBodies(text('{"a":1}', true), text('{"a":1}'))).toMatchObject({ format: 'text', partial: true, changes: 0 });
    const mixed = diffBodies(text('{"a":1,"b":2}'), text('<html>error</html>'));
    expect(mixed.format).toBe('text');
    // The JSON side is laid out on lines, not compared as one long line.
    expect(mixed.rows.filter((row) => row.left).map((row) => row.left!.text)).toEqual(['{', '  "a": 1,', '  "b": 2', '}']);
  });

  it('binary bodies are compared by digest only', () => {
    const binary = (digest: string) => ({ kind: 'binary' as const, size: 10, digest, partial: false });
    expect(diffBodies(binary('x'), binary('x'))).toMatchObject({ format: 'binary', identical: true, changes: 0, rows: [] });
    expect(diffBodies(binary('x'), binary('y'))).toMatchObject({ format: 'binary', identical: false, changes: 1 });
    expect(diffBodies(binary('x'), text('hello'))).toMatchObject({ format: 'binary', identical: false });
  });

  it('no body on either side is "none"; one missing body diffs against empty text', () => {
    expect(diffBodies({ kind: 'none' }, { kind: 'none' })).toMatchObject({ format: 'none', identical: true });
    expect(diffBodies({ kind: 'none' }, text('x')).rows.map((row) => row.kind)).toEqual(['added']);
  });
});

describe('unifiedLines', () => {
  it('shows each run of changes as its removed lines, then its added lines', () => {
    const { rows } = diffBodies(text('{"a":1,"b":2,"c":3}'), text('{"a":9,"b":8,"c":3}'));
    expect(unifiedLines(rows).map((line) => `${line.kind === 'same' ? ' ' : line.kind === 'added' ? '+' : '-'}${line.text}`)).toEqual([
      ' {',
      '-  "a": 1,',
      '-  "b": 2,',
      '+  "a": 9,',
      '+  "b": 8,',
      '   "c": 3',
      ' }',
    ]);
  });

  it('carries line numbers of the side each line belongs to', () => {
    const lines = unifiedLines(diffBodies(text('x\ny'), text('x\nz')).rows);
    expect(lines.map((line) => [line.left, line.right])).toEqual([
      [1, 1],
      [2, null],
      [null, 2],
    ]);
  });
});
