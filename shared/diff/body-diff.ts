import { formatJson } from '../text/format-json.ts';
import type { BodyDiff } from './diff-types.ts';
import { diffJson, sameJson } from './json-diff.ts';
import { parseJsonLiteral } from './json-literal.ts';
import { diffText } from './text-diff.ts';

/** One side of a body comparison, decoded by the caller (shared code has no byte decoders). */
export type BodySide =
  | { kind: 'none' }
  | { kind: 'text'; text: string; partial: boolean }
  | { kind: 'binary'; size: number; digest: string; partial: boolean };

/**
 * Compares two response bodies: structurally when both are complete JSON, line by line when both
 * are text, and byte for byte otherwise (binary is not shown as lines).
 */
export function diffBodies(left: BodySide, right: BodySide): BodyDiff {
  const partial = ('partial' in left && left.partial) || ('partial' in right && right.partial);
  if (left.kind === 'none' && right.kind === 'none') {
    return { format: 'none', rows: [], changes: 0, changedPaths: [], partial: false, identical: true };
  }
  if (left.kind === 'binary' || right.kind === 'binary') {
    const identical = left.kind === 'binary' && right.kind === 'binary' && left.size === right.size && left.digest === right.digest;
    return { format: 'binary', rows: [], changes: identical ? 0 : 1, changedPaths: [], partial, identical };
  }
  const leftText = left.kind === 'text' ? left.text : '';
  const rightText = right.kind === 'text' ? right.text : '';
  // A preview cut short is not JSON any more; it is compared as text.
  const leftJson = left.kind === 'text' && !left.partial ? parseJsonLiteral(leftText) : undefined;
  const rightJson = right.kind === 'text' && !right.partial ? parseJsonLiteral(rightText) : undefined;
  if (leftJson && rightJson) {
    const { rows, changedPaths } = diffJson(leftJson, rightJson);
    return { format: 'json', rows, changes: changedPaths.length, changedPaths, partial, identical: sameJson(leftJson, rightJson) };
  }
  // JSON compared as text (against an error page, or a preview cut short) is laid out on lines
  // first, so the diff is readable; formatJson re-indents token by token, so a cut-off tail is fine.
  const layOut = (text: string, json: unknown, partial: boolean) => (json || (partial && /^\s*[{[]/.test(text)) ? formatJson(text) : text);
  const { rows, changes } = diffText(
    layOut(leftText, leftJson, left.kind === 'text' && left.partial),
    layOut(rightText, rightJson, right.kind === 'text' && right.partial),
  );
  return { format: 'text', rows, changes, changedPaths: [], partial, identical: leftText === rightText };
}
