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
    let out = new Uint8Array(chunk.length * 2 + 256);
    let length = 0;
    let depth = this.#depth;
    let inString = this.#inString;
    let escaped = this.#escaped;
    let pendingOpen = this.#pendingOpen;
    const ensure = (extra: number) => {
      if (length + extra <= out.length) return;
      const bigger = new Uint8Array(Math.max(out.length * 2, length + extra + 256));
      bigger.set(out.subarray(0, length));
      out = bigger;
    };
    const newline = () => {
      ensure(1 + depth * 2);
      out[length++] = NEWLINE;
      out.fill(SPACE, length, length + depth * 2);
      length += depth * 2;
    };

    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (inString) {
        ensure(1);
        out[length++] = byte;
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) inString = false;
        continue;
      }
      if (byte === SPACE || byte === NEWLINE || byte === 0x0d || byte === 0x09) continue;
      if (pendingOpen !== 0) {
        const open = pendingOpen;
        pendingOpen = 0;
        ensure(2);
        out[length++] = open;
        if ((open === OPEN_OBJECT && byte === CLOSE_OBJECT) || (open === OPEN_ARRAY && byte === CLOSE_ARRAY)) {
          out[length++] = byte;
          continue;
        }
        depth += 1;
        newline();
      }
      if (byte === QUOTE) {
        inString = true;
        ensure(1);
        out[length++] = byte;
      } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        pendingOpen = byte;
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        depth = Math.max(0, depth - 1);
        newline();
        ensure(1);
        out[length++] = byte;
      } else if (byte === COMMA) {
        ensure(1);
        out[length++] = byte;
        newline();
      } else if (byte === COLON) {
        ensure(2);
        out[length++] = byte;
        out[length++] = SPACE;
      } else {
        ensure(1);
        out[length++] = byte;
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
