/**
 * JSON as a tree that keeps every literal exactly as written. JSON.parse would round big integers,
 * turn `1.50` into `1.5`, decode escapes and keep only the last of duplicate keys; a diff that
 * shows what the server sent needs the text, and compares values by meaning.
 */
export type JsonNode =
  | { type: 'object'; entries: JsonMember[] }
  | { type: 'array'; items: JsonNode[] }
  | { type: 'string'; text: string; value: string }
  | { type: 'number'; text: string }
  | { type: 'literal'; text: 'true' | 'false' | 'null' };

export interface JsonMember {
  key: string;
  /** The key as written, quotes and escapes included. */
  keyText: string;
  value: JsonNode;
}

/** Deeper documents are not diffed structurally (the recursion that walks them is bounded). */
export const MAX_JSON_DEPTH = 256;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

class InvalidJson extends Error {}

/** The tree for a JSON text, or undefined when it is not JSON (or nests deeper than `maxDepth`). */
export function parseJsonLiteral(text: string, maxDepth = MAX_JSON_DEPTH): JsonNode | undefined {
  let index = 0;

  const skipWhitespace = () => {
    WHITESPACE.lastIndex = index;
    WHITESPACE.exec(text);
    index = WHITESPACE.lastIndex;
  };

  const readString = (): { text: string; value: string } => {
    const start = index;
    index += 1;
    while (index < text.length && text[index] !== '"') {
      const code = text.charCodeAt(index);
      if (code < 0x20) throw new InvalidJson();
      index += text[index] === '\\' ? 2 : 1;
    }
    if (index >= text.length) throw new InvalidJson();
    index += 1;
    const raw = text.slice(start, index);
    // JSON.parse of the string literal alone decodes its escapes and rejects invalid ones.
    try {
      return { text: raw, value: JSON.parse(raw) as string };
    } catch {
      throw new InvalidJson();
    }
  };

  const readValue = (depth: number): JsonNode => {
    if (depth > maxDepth) throw new InvalidJson();
    skipWhitespace();
    const char = text[index];
    if (char === '{') {
      index += 1;
      const entries: JsonMember[] = [];
      skipWhitespace();
      if (text[index] === '}') {
        index += 1;
        return { type: 'object', entries };
      }
      for (;;) {
        skipWhitespace();
        if (text[index] !== '"') throw new InvalidJson();
        const key = readString();
        skipWhitespace();
        if (text[index] !== ':') throw new InvalidJson();
        index += 1;
        entries.push({ key: key.value, keyText: key.text, value: readValue(depth + 1) });
        skipWhitespace();
        if (text[index] === ',') {
          index += 1;
          continue;
        }
        if (text[index] === '}') {
          index += 1;
          return { type: 'object', entries };
        }
        throw new InvalidJson();
      }
    }
    if (char === '[') {
      index += 1;
      const items: JsonNode[] = [];
      skipWhitespace();
      if (text[index] === ']') {
        index += 1;
        return { type: 'array', items };
      }
      for (;;) {
        items.push(readValue(depth + 1));
        skipWhitespace();
        if (text[index] === ',') {
          index += 1;
          continue;
        }
        if (text[index] === ']') {
          index += 1;
          return { type: 'array', items };
        }
        throw new InvalidJson();
      }
    }
    if (char === '"') return { type: 'string', ...readString() };
    for (const literal of ['true', 'false', 'null'] as const) {
      if (text.startsWith(literal, index)) {
        index += literal.length;
        return { type: 'literal', text: literal };
      }
    }
    NUMBER.lastIndex = index;
    const number = NUMBER.exec(text);
    if (!number) throw new InvalidJson();
    index = NUMBER.lastIndex;
    return { type: 'number', text: number[0] };
  };

  try {
    const root = readValue(0);
    skipWhitespace();
    return index === text.length ? root : undefined;
  } catch (error) {
    if (error instanceof InvalidJson || error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * Two number literals mean the same value: `1.5` and `1.50`, `100` and `1e2`. Integers too big for
 * a double are compared exactly, so 12345678901234567890 and 12345678901234567891 differ.
 */
export function sameNumber(left: string, right: string): boolean {
  if (left === right) return true;
  if (Number(left) !== Number(right)) return false;
  const isBigInteger = (text: string) => /^-?\d+$/.test(text) && !Number.isSafeInteger(Number(text));
  if (isBigInteger(left) && isBigInteger(right)) return BigInt(left) === BigInt(right);
  // One side is a big integer written exactly and the other a rounded or decimal form: not provably equal.
  return !isBigInteger(left) && !isBigInteger(right);
}
