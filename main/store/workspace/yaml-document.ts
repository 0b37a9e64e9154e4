import { Document, isMap, isScalar, isSeq, Pair, parseDocument, Scalar, visit, type Node } from 'yaml';

/** Anchors/aliases may not expand into more than this many nodes ("billion laughs" stops here). */
const MAX_ALIAS_COUNT = 100;
const TO_STRING = { lineWidth: 0, minContentWidth: 0 } as const;

export type ParsedYaml =
  | { ok: true; document: Document; value: unknown }
  | { ok: false; message: string };

/** Parses one YAML document, refusing duplicate keys, alias bombs and anything but one document. */
export function parseYaml(text: string): ParsedYaml {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const error = document.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    return { ok: false, message: at ? `line ${at.line}, column ${at.col}: ${firstLine(error.message)}` : firstLine(error.message) };
  }
  try {
    return { ok: true, document, value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (cause) {
    return { ok: false, message: cause instanceof Error ? firstLine(cause.message) : String(cause) };
  }
}

/**
 * The YAML text for `value`. When the file already exists its parsed document is given, and the new
 * value is merged into it node by node: keys keep the order of `value` (the canonical order), while
 * every node that survives keeps its comments and its quoting. So a person's comments stay put
 * through any number of saves, and an unchanged field is written exactly as it was.
 */
export function stringifyYaml(value: Record<string, unknown>, existing?: Document): string {
  let document: Document;
  if (existing && isMap(existing.contents)) {
    document = existing;
    document.contents = mergeNode(document, existing.contents, value);
  } else {
    document = new Document(value);
    if (existing?.commentBefore) document.commentBefore = existing.commentBefore;
  }
  useBlockScalarsForMultilineText(document);
  return document.toString(TO_STRING);
}

function mergeNode(document: Document, node: unknown, value: unknown): Node {
  if (isPlainObject(value) && isMap(node)) {
    const items: Pair[] = [];
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (pair) {
        pair.value = mergeNode(document, pair.value, child);
        items.push(pair);
      } else {
        items.push(new Pair(document.createNode(key), document.createNode(child)));
      }
    }
    node.items = items;
    return node;
  }
  if (Array.isArray(value) && isSeq(node)) {
    node.items = value.map((child, index) => mergeNode(document, node.items[index], child));
    return node;
  }
  if (isScalar(node) && !isPlainObject(value) && !Array.isArray(value)) {
    if (node.value !== value) {
      node.value = value;
      // A hand-chosen style stays unless the new text needs another (block scalars are set below).
      if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) node.type = undefined;
    }
    return node;
  }
  return document.createNode(value);
}

/** Multi-line text (bodies, scripts) as `|` blocks: readable, and a diff shows changed lines, not one long string. */
function useBlockScalarsForMultilineText(document: Document): void {
  visit(document, {
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string' && node.value.includes('\n') && !/[\r\t]|[^\S\n ]/.test(node.value)) {
        node.type = Scalar.BLOCK_LITERAL;
      }
    },
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
