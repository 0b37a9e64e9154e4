const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const SPACE = 0x20;

/** Bytes that continue a number or a literal (true, false, null): anything but whitespace, structure and quotes. */
const LITERAL = new Uint8Array(256).fill(1);
for (const byte of [OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY, COMMA, COLON, QUOTE, SPACE, NEWLINE, 0x0d, 0x09]) LITERAL[byte] = 0;

/**
 * Re-indents JSON a chunk at a time, byte by byte, so a 100 MB body is formatted without ever
 * being one string. Like shared/text/format-json.ts it never parses values: every literal stays
 * as sent. Structural characters are ASCII, so working on UTF-8 bytes is safe. Written as one
 * tight loop over local variables because it runs once per byte of very large bodies.
 */
export class JsonPrettyStream {
  #depth = 0;
  #inString = false;
  #escaped = false;
  /** An opening bracket whose newline waits until we know the container is not empty. */
  #pendingOpen = 0;

  /** Formats the next piece of input; returns the formatted bytes it produced. */
  push(chunk: Uint8Array): Uint8Array {
    let out: Uint8Array = new Uint8Array(chunk.length * 2 + 256);
    let length = 0;
    let depth = this.#depth;
    let inString = this.#inString;
    let escaped = this.#escaped;
    let pendingOpen = this.#pendingOpen;

    // No closures in this loop: a variable a closure captures lives in a heap context, and every
    // byte would load and store it there.
    for (let i = 0; i < chunk.length; i++) {
      // Room for the most one input byte can produce: a held bracket, a newline with its indent, and a bracket, comma or ": ".
      const needed = length + 8 + (depth + 2) * 4;
      if (needed > out.length) out = grown(out, length, needed);
      const byte = chunk[i]!;
      if (inString) {
        out[length++] = byte;
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) inString = false;
        else {
          // The rest of the string up to a quote or backslash, in a loop that checks nothing else.
          if (length + (chunk.length - i) > out.length) out = grown(out, length, length + (chunk.length - i));
          let next = i + 1;
          for (let b = chunk[next]; next < chunk.length && b !== QUOTE && b !== BACKSLASH; b = chunk[++next]) out[length++] = b!;
          i = next - 1;
        }
        continue;
      }
      if (byte === SPACE || byte === NEWLINE || byte === 0x0d || byte === 0x09) continue;
      if (pendingOpen !== 0) {
        const open = pendingOpen;
        pendingOpen = 0;
        out[length++] = open;
        if ((open === OPEN_OBJECT && byte === CLOSE_OBJECT) || (open === OPEN_ARRAY && byte === CLOSE_ARRAY)) {
          out[length++] = byte;
          continue;
        }
        depth += 1;
        length = newline(out, length, depth);
      }
      if (byte === QUOTE) {
        inString = true;
        out[length++] = byte;
      } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        pendingOpen = byte;
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        depth = Math.max(0, depth - 1);
        length = newline(out, length, depth);
        out[length++] = byte;
      } else if (byte === COMMA) {
        out[length++] = byte;
        length = newline(out, length, depth);
      } else if (byte === COLON) {
        out[length++] = byte;
        out[length++] = SPACE;
      } else {
        // A number or literal: copy it and the bytes of it that follow in one go.
        out[length++] = byte;
        if (length + (chunk.length - i) > out.length) out = grown(out, length, length + (chunk.length - i));
        let next = i + 1;
        for (let b = chunk[next]!; next < chunk.length && LITERAL[b] === 1; b = chunk[++next]!) out[length++] = b;
        i = next - 1;
      }
    }
    this.#depth = depth;
    this.#inString = inString;
    this.#escaped = escaped;
    this.#pendingOpen = pendingOpen;
    return out.subarray(0, length);
  }

  /** Whatever is still pending at the end of the input. */
  end(): Uint8Array {
    const open = this.#pendingOpen;
    this.#pendingOpen = 0;
    return open ? Uint8Array.of(open) : new Uint8Array(0);
  }
}

/** A copy of the first `length` bytes of `out` in a buffer of at least `needed` bytes. */
function grown(out: Uint8Array, length: number, needed: number): Uint8Array {
  const bigger = new Uint8Array(Math.max(out.length * 2, needed));
  bigger.set(out.subarray(0, length));
  return bigger;
}

/** Writes a newline and the indent of `depth` at `length`; returns the new length. */
function newline(out: Uint8Array, length: number, depth: number): number {
  out[length++] = NEWLINE;
  // A loop, not fill(): indents are a few bytes, and a call into fill costs more than writing them.
  for (const end = length + depth * 2; length < end; ) out[length++] = SPACE;
  return length;
}
