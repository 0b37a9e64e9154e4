/**
 * A fast reader for the plain YAML Shuttle itself writes: block mappings with simple keys, block
 * sequences, one-line plain and quoted scalars, `|` blocks, comments. It exists for speed (a
 * workspace of thousands of requests must open in well under a second, and a general YAML parser
 * spends ~100 µs a file). It never guesses: on anything outside that subset (flow collections,
 * anchors, tags, folded or multi-line scalars, duplicate keys, odd indentation…) it returns
 * `undefined` and the full parser (yaml-document.ts) reads the file instead, errors included.
 * tests/unit/…/canonical-yaml.test.ts checks it against the full parser on many documents.
 */

const KEY_LINE = /^( *)([A-Za-z_$][A-Za-z0-9_$-]*):(?: +(.*))?$/;
const ITEM_LINE = /^( *)-(?: (.*))?$/;
const DECIMAL = /^[-+]?[0-9]+$/;
// Anything else the core schema would read as a number: left to the full parser.
const OTHER_NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const PLAIN_FIRST_REFUSED = /^(?:[-?:](?: |$)|[,[\]{}#&*!|>'"%@`])/;
const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029' };

/** Line breaks and spaces other than "\n" and " ", and control characters: the full parser knows their rules. */
function hasUnusualCharacters(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 ? code !== 0x0a : code >= 0x7f && code <= 0xa0) return true;
    if (code >= 0x1680 && (code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff)) {
      return true;
    }
  }
  return false;
}

class Unsupported extends Error {}

function unsupported(): never {
  throw new Unsupported();
}

/** The document's value, or undefined when it is not in the subset (the full parser then decides). */
export function parseCanonicalYaml(text: string): unknown {
  if (hasUnusualCharacters(text)) return undefined;
  const lines = text.split('\n');
  try {
    const reader = new Reader(lines);
    reader.skipBlank();
    if (reader.done()) return null;
    const value = reader.block(0);
    reader.skipBlank();
    if (!reader.done()) unsupported();
    return value;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

class Reader {
  private index = 0;
  private readonly lines: string[];

  constructor(lines: string[]) {
    this.lines = lines;
  }

  done(): boolean {
    return this.index >= this.lines.length;
  }

  /** Skips empty lines and comment-only lines. */
  skipBlank(): void {
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!;
      const trimmed = line.slice(this.indentOf(line));
      if (trimmed === '' || trimmed.startsWith('#')) this.index += 1;
      else break;
    }
  }

  /** Leading spaces (only spaces indent in YAML). */
  private indentOf(line: string): number {
    let count = 0;
    while (line.charCodeAt(count) === 32) count += 1;
    return count;
  }

  /** A mapping or a sequence whose lines start at exactly `indent`. */
  block(indent: number): unknown {
    const line = this.lines[this.index]!;
    if (this.indentOf(line) !== indent) unsupported();
    if (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) unsupported();
    return ITEM_LINE.test(line) ? this.sequence(indent) : this.mapping(indent, line);
  }

  private mapping(indent: number, first?: string): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    let line: string | undefined = first;
    for (;;) {
      line ??= this.lines[this.index];
      if (line === undefined) break;
      const match = KEY_LINE.exec(line);
      if (!match || match[1]!.length !== indent) unsupported();
      const key = match[2]!;
      if (Object.hasOwn(map, key) || key === '__proto__') unsupported();
      this.index += 1;
      map[key] = this.value(match[3] ?? '', indent);
      line = undefined;
      this.skipBlank();
      const next = this.lines[this.index];
      if (next === undefined) break;
      const nextIndent = this.indentOf(next);
      if (nextIndent < indent) break;
      if (nextIndent > indent) unsupported();
      if (ITEM_LINE.test(next)) unsupported();
    }
    return map;
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    for (;;) {
      const line = this.lines[this.index];
      if (line === undefined) break;
      const match = ITEM_LINE.exec(line);
      if (!match || match[1]!.length !== indent) unsupported();
      const rest = match[2] ?? '';
      if (rest.startsWith(' ')) unsupported();
      if (rest === '' || rest.startsWith('#')) {
        this.index += 1;
        items.push(this.nested(indent));
      } else if (KEY_LINE.test(' '.repeat(indent + 2) + rest)) {
        // "- key: value": a mapping that starts on the dash line, its other keys two columns in.
        items.push(this.mapping(indent + 2, ' '.repeat(indent + 2) + rest));
      } else if (/^-( |$)/.test(rest)) {
        unsupported();
      } else {
        this.index += 1;
        items.push(this.inlineScalar(rest, indent));
      }
      this.skipBlank();
      const next = this.lines[this.index];
      if (next === undefined) break;
      const nextIndent = this.indentOf(next);
      if (nextIndent < indent) break;
      if (nextIndent > indent || !ITEM_LINE.test(next)) unsupported();
    }
    return items;
  }

  /** The value after "key:" (already consumed): inline, a `|` block, or a nested block below. */
  private value(rest: string, indent: number): unknown {
    if (rest === '' || rest.startsWith('#')) return this.nested(indent);
    const header = rest.replace(/ +$/, '');
    if (/^\|[-+]?( +#.*)?$/.test(header)) return this.literal(header[1], indent);
    return this.inlineScalar(rest, indent);
  }

  /** A nested block under a key or dash (more indented), or null when there is none. */
  private nested(indent: number): unknown {
    this.skipBlank();
    const next = this.lines[this.index];
    if (next === undefined) return null;
    const nextIndent = this.indentOf(next);
    if (nextIndent <= indent) return null;
    return this.block(nextIndent);
  }

  private inlineScalar(rest: string, indent: number): unknown {
    const value = scalar(rest);
    // A more indented line after a one-line scalar would continue it (a multi-line plain scalar).
    this.skipBlank();
    const next = this.lines[this.index];
    if (next !== undefined && this.indentOf(next) > indent) unsupported();
    return value;
  }

  /** A `|` literal block (chomping: clip by default, `-` strip, `+` keep). */
  private literal(chomp: string | undefined, indent: number): string {
    const content: string[] = [];
    let contentIndent = -1;
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!;
      const lineIndent = this.indentOf(line);
      if (lineIndent === line.length) {
        // Spaces on a blank line before the first content line have rules of their own: the full parser's.
        if (contentIndent === -1 && line.length > 0) unsupported();
        content.push(contentIndent === -1 ? '' : line.slice(contentIndent));
        this.index += 1;
        continue;
      }
      if (contentIndent === -1) {
        if (lineIndent <= indent) break;
        contentIndent = lineIndent;
      }
      if (lineIndent < contentIndent) break;
      content.push(line.slice(contentIndent));
      this.index += 1;
    }
    // Trailing blank lines belong to the block only through chomping; give back the ones after it.
    let trailing = 0;
    while (content.length > 0 && content[content.length - 1] === '') {
      content.pop();
      trailing += 1;
    }
    // An empty block, or one that ends the file (without its final newline, or kept with "+"): the chomping subtleties are the full parser's.
    if (content.length === 0 || (this.index >= this.lines.length && (trailing === 0 || chomp === '+'))) unsupported();
    const body = content.join('\n');
    if (chomp === '-') return body;
    if (chomp === '+') return body + '\n'.repeat(trailing + 1);
    return body + '\n';
  }
}

function scalar(raw: string): unknown {
  if (raw.startsWith('"')) return doubleQuoted(raw);
  if (raw.startsWith("'")) return singleQuoted(raw);
  const comment = raw.search(/ #/);
  const plain = (comment === -1 ? raw : raw.slice(0, comment)).replace(/ +$/, '');
  if (plain === '' || PLAIN_FIRST_REFUSED.test(plain) || plain.includes(': ') || plain.endsWith(':') || plain.includes(' #')) unsupported();
  if (/^(?:~|[Nn]ull|NULL)$/.test(plain)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(plain)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(plain)) return false;
  if (DECIMAL.test(plain)) {
    const number = Number(plain);
    if (!Number.isSafeInteger(number)) unsupported();
    return number;
  }
  if (OTHER_NUMBER.test(plain)) unsupported();
  return plain;
}

function afterQuoted(raw: string, end: number): void {
  const tail = raw.slice(end + 1);
  if (!/^ *$/.test(tail) && !/^ +#/.test(tail)) unsupported();
}

function doubleQuoted(raw: string): string {
  let out = '';
  for (let i = 1; i < raw.length; i++) {
    const char = raw[i]!;
    if (char === '"') {
      afterQuoted(raw, i);
      return out;
    }
    if (char !== '\\') {
      out += char;
      continue;
    }
    const next = raw[i + 1];
    if (next === undefined) unsupported();
    const simple = ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i += 1;
      continue;
    }
    const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    const hex = raw.slice(i + 2, i + 2 + width);
    if (width === 0 || !new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) unsupported();
    out += String.fromCodePoint(parseInt(hex, 16));
    i += 1 + width;
  }
  // No closing quote on this line: a multi-line string, for the full parser.
  return unsupported();
}

function singleQuoted(raw: string): string {
  let out = '';
  for (let i = 1; i < raw.length; i++) {
    const char = raw[i]!;
    if (char !== "'") {
      out += char;
      continue;
    }
    if (raw[i + 1] === "'") {
      out += "'";
      i += 1;
      continue;
    }
    afterQuoted(raw, i);
    return out;
  }
  return unsupported();
}
