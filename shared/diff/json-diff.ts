import type { DiffKind, DiffRow } from './diff-types.ts';
import { sameNumber, type JsonMember, type JsonNode } from './json-literal.ts';

export interface JsonDiff {
  rows: DiffRow[];
  /** Paths of the values that differ (changed, added or removed), in document order. */
  changedPaths: string[];
}

const INDENT = '  ';

/**
 * Compares two JSON documents by structure: object keys are matched by name whatever their order,
 * arrays by index, numbers by value. The result is aligned rows for a side-by-side view where only
 * rows of values that differ are marked; brackets and equal values are `same`.
 *
 * Rows follow the left document's key order, with keys only on the right after them, so a
 * reordered object lines up instead of showing as changed.
 */
export function diffJson(left: JsonNode, right: JsonNode): JsonDiff {
  const rows: DiffRow[] = [];
  const changedPaths: string[] = [];
  let leftLine = 0;
  let rightLine = 0;

  const cell = (side: 'left' | 'right', text: string) => ({ line: side === 'left' ? ++leftLine : ++rightLine, text });

  const pushSame = (leftText: string, rightText: string) => rows.push({ kind: 'same', left: cell('left', leftText), right: cell('right', rightText) });

  /** Pairs two runs of lines row by row; the longer side continues alone. */
  const pushPaired = (kind: DiffKind, leftLines: string[], rightLines: string[], path: string) => {
    for (let i = 0; i < Math.max(leftLines.length, rightLines.length); i++) {
      const leftText = leftLines[i];
      const rightText = rightLines[i];
      rows.push({
        kind,
        left: leftText === undefined ? null : cell('left', leftText),
        right: rightText === undefined ? null : cell('right', rightText),
        path,
      });
    }
  };

  const walk = (
    label: string,
    leftNode: JsonNode | undefined,
    rightNode: JsonNode | undefined,
    depth: number,
    commas: { left: boolean; right: boolean },
    path: string,
  ) => {
    const pad = INDENT.repeat(depth);
    const leftComma = commas.left ? ',' : '';
    const rightComma = commas.right ? ',' : '';
    if (leftNode && !rightNode) {
      changedPaths.push(path);
      return pushPaired('removed', render(leftNode, label, depth, commas.left), [], path);
    }
    if (rightNode && !leftNode) {
      changedPaths.push(path);
      return pushPaired('added', [], render(rightNode, label, depth, commas.right), path);
    }
    if (!leftNode || !rightNode) return;

    if (leftNode.type === 'object' && rightNode.type === 'object') {
      const members = mergeMembers(leftNode.entries, rightNode.entries);
      if (members.length === 0) return pushSame(`${pad}${label}{}${leftComma}`, `${pad}${label}{}${rightComma}`);
      pushSame(`${pad}${label}{`, `${pad}${label}{`);
      // A member takes a comma on a side when a later member exists on that side.
      const lastLeft = members.findLastIndex((member) => member.left);
      const lastRight = members.findLastIndex((member) => member.right);
      members.forEach((member, index) => {
        const written = (member.left ?? member.right)!;
        walk(
          `${written.keyText}: `,
          member.left?.value,
          member.right?.value,
          depth + 1,
          { left: index < lastLeft, right: index < lastRight },
          `${path}${keyPath(written.key)}`,
        );
      });
      return pushSame(`${pad}}${leftComma}`, `${pad}}${rightComma}`);
    }

    if (leftNode.type === 'array' && rightNode.type === 'array') {
      const length = Math.max(leftNode.items.length, rightNode.items.length);
      if (length === 0) return pushSame(`${pad}${label}[]${leftComma}`, `${pad}${label}[]${rightComma}`);
      pushSame(`${pad}${label}[`, `${pad}${label}[`);
      for (let i = 0; i < length; i++) {
        walk('', leftNode.items[i], rightNode.items[i], depth + 1, { left: i + 1 < leftNode.items.length, right: i + 1 < rightNode.items.length }, `${path}[${i}]`);
      }
      return pushSame(`${pad}]${leftComma}`, `${pad}]${rightComma}`);
    }

    if (sameLeaf(leftNode, rightNode)) {
      return pushSame(`${pad}${label}${leafText(leftNode)}${leftComma}`, `${pad}${label}${leafText(rightNode)}${rightComma}`);
    }
    // A different value, or a different kind of value (object became array, string became null…).
    changedPaths.push(path);
    pushPaired('changed', render(leftNode, label, depth, commas.left), render(rightNode, label, depth, commas.right), path);
  };

  walk('', left, right, 0, { left: false, right: false }, '$');
  return { rows, changedPaths };
}

interface MergedMember {
  left?: JsonMember;
  right?: JsonMember;
}

/**
 * Matches members by key. A key repeated within one object (valid JSON, if unwise) is matched by
 * occurrence: the second `a` on the left with the second `a` on the right.
 */
function mergeMembers(left: JsonMember[], right: JsonMember[]): MergedMember[] {
  const identify = (members: JsonMember[]) => {
    const seen = new Map<string, number>();
    return members.map((member) => {
      const occurrence = seen.get(member.key) ?? 0;
      seen.set(member.key, occurrence + 1);
      return { id: `${occurrence}\u0000${member.key}`, member };
    });
  };
  const merged = new Map<string, MergedMember>();
  for (const { id, member } of identify(left)) merged.set(id, { left: member });
  for (const { id, member } of identify(right)) {
    const existing = merged.get(id);
    if (existing) existing.right = member;
    else merged.set(id, { right: member });
  }
  return [...merged.values()];
}

function sameLeaf(left: JsonNode, right: JsonNode): boolean {
  if (left.type === 'string' && right.type === 'string') return left.value === right.value;
  if (left.type === 'number' && right.type === 'number') return sameNumber(left.text, right.text);
  if (left.type === 'literal' && right.type === 'literal') return left.text === right.text;
  return false;
}

/** True when two documents mean the same (key order, number spelling and escapes aside). */
export function sameJson(left: JsonNode, right: JsonNode): boolean {
  if (left.type === 'object' && right.type === 'object') {
    const members = mergeMembers(left.entries, right.entries);
    return members.every((member) => member.left && member.right && sameJson(member.left.value, member.right.value));
  }
  if (left.type === 'array' && right.type === 'array') {
    return left.items.length === right.items.length && left.items.every((item, i) => sameJson(item, right.items[i]!));
  }
  return sameLeaf(left, right);
}

function leafText(node: JsonNode): string {
  return node.type === 'object' || node.type === 'array' ? '' : node.text;
}

/** The lines one value takes when pretty-printed on its own side. */
function render(node: JsonNode, label: string, depth: number, comma: boolean): string[] {
  const pad = INDENT.repeat(depth);
  const end = comma ? ',' : '';
  if (node.type === 'object') {
    if (node.entries.length === 0) return [`${pad}${label}{}${end}`];
    const lines = [`${pad}${label}{`];
    node.entries.forEach((member, i) => lines.push(...render(member.value, `${member.keyText}: `, depth + 1, i + 1 < node.entries.length)));
    lines.push(`${pad}}${end}`);
    return lines;
  }
  if (node.type === 'array') {
    if (node.items.length === 0) return [`${pad}${label}[]${end}`];
    const lines = [`${pad}${label}[`];
    node.items.forEach((item, i) => lines.push(...render(item, '', depth + 1, i + 1 < node.items.length)));
    lines.push(`${pad}]${end}`);
    return lines;
  }
  return [`${pad}${label}${node.text}${end}`];
}

/** `.name` for plain keys, `["a key"]` for anything else. */
function keyPath(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
