import { describe, expect, it } from 'vitest';
import type { DiffRow } from '../../../../shared/diff/diff-types.ts';
import { diffJson, sameJson } from '../../../../shared/diff/json-diff.ts';
import { parseJsonLiteral } from '../../../../shared/diff/json-literal.ts';

function diff(left: string, right: string) {
  return diffJson(parseJsonLiteral(left)!, parseJsonLiteral(right)!);
}

/** Rows as `kind | left | right` strings, which reads like the side-by-side view. */
function picture(rows: DiffRow[]): string[] {
  return rows.map((row) => `${row.kind} | ${row.left?.text ?? '∅'} | ${row.right?.text ?? '∅'}`);
}

const differing = (rows: DiffRow[]) => rows.filter((row) => row.kind !== 'same');

describe('diffJson', () => {
  it('marks only the changed field; brackets and equal fields stay "same"', () => {
    const result = diff('{"name":"counter","count":1,"stable":{"a":[1,2]}}', '{"name":"counter","count":2,"stable":{"a":[1,2]}}');
    expect(picture(result.rows)).toEqual([
      'same | { | {',
      'same |   "name": "counter", |   "name": "counter",',
      'changed |   "count": 1, |   "count": 2,',
      'same |   "stable": { |   "stable": {',
      'same |     "a": [ |     "a": [',
      'same |       1, |       1,',
      'same |       2 |       2',
      'same |     ] |     ]',
      'same |   } |   }',
      'same | } | }',
    ]);
    expect(result.changedPaths).toEqual(['$.count']);
    expect(differing(result.rows)).toHaveLength(1);
    expect(differing(result.rows)[0]!.path).toBe('$.count');
  });

  it('ignores key order: a reordered object has no differences and lines up in the left order', () => {
    const result = diff('{"a":1,"b":{"x":true,"y":null}}', '{"b":{"y":null,"x":true},"a":1}');
    expect(result.changedPaths).toEqual([]);
    expect(differing(result.rows)).toEqual([]);
    expect(result.rows.map((row) => row.right?.text)).toEqual(['{', '  "a": 1,', '  "b": {', '    "x": true,', '    "y": null', '  }', '}']);
  });

  it('compares arrays by index: an inserted element shows every later index as changed plus one added', () => {
    const result = diff('[1,2,3]', '[1,9,2,3]');
    expect(result.changedPaths).toEqual(['$[1]', '$[2]', '$[3]']);
    expect(picture(differing(result.rows))).toEqual(['changed |   2, |   9,', 'changed |   3 |   2,', 'added | ∅ |   3']);
  });

  it('shows added and removed keys with their whole value, commas right on each side', () => {
    const result = diff('{"a":1,"gone":{"deep":[true]}}', '{"a":1,"new":"x"}');
    expect(picture(result.rows)).toEqual([
      'same | { | {',
      'same |   "a": 1, |   "a": 1,',
      'removed |   "gone": { | ∅',
      'removed |     "deep": [ | ∅',
      'removed |       true | ∅',
      'removed |     ] | ∅',
      'removed |   } | ∅',
      'added | ∅ |   "new": "x"',
      'same | } | }',
    ]);
    expect(result.changedPaths).toEqual(['$.gone', '$.new']);
  });

  it('a value that changes type is one change, its lines paired side by side', () => {
    const result = diff('{"v":{"a":1}}', '{"v":[1]}');
    expect(result.changedPaths).toEqual(['$.v']);
    expect(picture(differing(result.rows))).toEqual(['changed |   "v": { |   "v": [', 'changed |     "a": 1 |     1', 'changed |   } |   ]']);
  });

  it('treats numbers by value and strings by meaning, but shows each side as written', () => {
    const result = diff('{"p":1.50,"s":"caf\\u00e9"}', '{"p":1.5,"s":"café"}');
    expect(result.changedPaths).toEqual([]);
    expect(result.rows[1]).toMatchObject({ kind: 'same', left: { text: '  "p": 1.50,' }, right: { text: '  "p": 1.5,' } });
  });

  it('tells big integers apart that JSON.parse would make equal', () => {
    expect(diff('{"id":12345678901234567890}', '{"id":12345678901234567891}').changedPaths).toEqual(['$.id']);
  });

  it('matches duplicate keys by occurrence', () => {
    const result = diff('{"a":1,"a":2}', '{"a":1,"a":3}');
    expect(result.changedPaths).toEqual(['$.a']);
    expect(picture(differing(result.rows))).toEqual(['changed |   "a": 2 |   "a": 3']);
  });

  it('numbers lines on each side independently', () => {
    const result = diff('{"a":1}', '{"a":1,"b":2,"c":3}');
    expect(result.rows.map((row) => [row.left?.line ?? null, row.right?.line ?? null])).toEqual([
      [1, 1],
      [2, 2],
      [null, 3],
      [null, 4],
      [3, 5],
    ]);
  });

  it('quotes paths of keys that are not identifiers, and handles empty containers', () => {
    expect(diff('{"a b":{},"c":[]}', '{"a b":{"x":1},"c":[]}').changedPaths).toEqual(['$["a b"].x']);
    expect(diff('[]', '{}').changedPaths).toEqual(['$']);
  });
});

describe('sameJson', () => {
  it('is true for documents that differ only in key order, number spelling and escapes', () => {
    expect(sameJson(parseJsonLiteral('{"a":[1,{"b":"\\u0041"}],"c":1e2}')!, parseJsonLiteral('{"c":100,"a":[1.0,{"b":"A"}]}')!)).toBe(true);
    expect(sameJson(parseJsonLiteral('[1,2]')!, parseJsonLiteral('[2,1]')!)).toBe(false);
    expect(sameJson(parseJsonLiteral('{"a":1}')!, parseJsonLiteral('{"a":1,"b":null}')!)).toBe(false);
  });
});
