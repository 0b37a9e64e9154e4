import { isAscii } from 'node:buffer';
import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import type { BodyMatch } from '../../../shared/model/response.ts';
import type { BodyStore } from './body-store.ts';
import { JsonPrettyStream } from './json-pretty-stream.ts';

/** Display lines longer than this are cut into pieces, so a 100 MB one-line JSON still scrolls. */
const MAX_LINE_BYTES = 4096;
const SEARCH_BATCH_BYTES = 1024 * 1024;
const MAX_MATCHES = 10_000;

export type BodyVariant = 'raw' | 'pretty';


/** Lines a view must have before it opens, so the first screen never waits for the whole body. */
const FIRST_SCREEN_LINES = 2_000;

/**
 * Display lines of one variant of a body. A pretty copy grows while it is being written:
 * `lineCount` and `byteLength` cover what is already readable, `complete` says whether more comes.
 */
interface Layout {
  /** The body holding this variant's bytes: the response body itself, or its pretty-printed copy. */
  bodyId: string;
  byteLength: number;
  lineStarts: Float64Array;
  lineCount: number;
  complete: boolean;
  /** Resolves (and is replaced) each time more lines become readable or the layout completes. */
  progress: Promise<void>;
  failure?: unknown;
}

class LineIndex {
  starts = new Float64Array(1024);
  count = 1; // line 0 starts at 0
  lineStart = 0;
  push(start: number): void {
    if (this.count === this.starts.length) {
      const bigger = new Float64Array(this.starts.length * 2);
      bigger.set(this.starts);
      this.starts = bigger;
    }
    this.starts[this.count++] = start;
    this.lineStart = start;
  }

  /** Adds the lines of `chunk`, which starts at byte `offset` of the text. */
  scan(chunk: Uint8Array, offset: number): void {
    // Native indexOf finds the newlines; only lines longer than MAX_LINE_BYTES need byte checks.
    let from = 0;
    while (from <= chunk.length) {
      const newline = chunk.indexOf(0x0a, from);
      const stop = newline === -1 ? chunk.length : newline;
      while (offset + stop - this.lineStart > MAX_LINE_BYTES) {
        // Cut only where a UTF-8 character starts (not on a 10xxxxxx continuation byte).
        let cut = Math.max(0, this.lineStart + MAX_LINE_BYTES - offset);
        while (cut < stop && (chunk[cut]! & 0xc0) === 0x80) cut += 1;
        if (cut >= stop) break;
        this.push(offset + cut);
      }
      if (newline === -1) break;
      this.push(offset + newline + 1);
      from = newline + 1;
    }
  }

  /** Lines complete so far (the last one may still grow until `total`). */
  lineCountAt(byteLength: number, complete: boolean): number {
    if (byteLength === 0) return 0;
    // A trailing newline does not start another (empty) line.
    const trailing = this.starts[this.count - 1] === byteLength ? 1 : 0;
    return complete ? this.count - trailing : this.count - 1;
  }
}

/**
 * Large bodies seen through lines: the engine indexes a body (or a pretty-printed copy of it)
 * into display lines once, and UIs read only the lines they show and search without ever holding
 * the body. This is how a 100 MB response opens, scrolls and is searched in the renderer.
 */
export class BodyViews {
  readonly #store: BodyStore;
  readonly #layouts = new Map<string, Promise<Layout>>();
  readonly #decoder = new TextDecoder('utf-8');

  constructor(store: BodyStore) {
    this.#store = store;
  }

  /** Opens a view once its first screen is readable; `complete` false means it is still growing. */
  async open(bodyId: string, variant: BodyVariant): Promise<{ lineCount: number; byteLength: number; complete: boolean }> {
    const layout = await this.#layout(bodyId, variant);
    while (!layout.complete && layout.lineCount < FIRST_SCREEN_LINES) await this.#progress(layout);
    return { lineCount: layout.lineCount, byteLength: layout.byteLength, complete: layout.complete };
  }

  async lines(bodyId: string, variant: BodyVariant, from: number, count: number): Promise<string[]> {
    const layout = await this.#layout(bodyId, variant);
    while (!layout.complete && layout.lineCount < from + count) await this.#progress(layout);
    const first = Math.max(0, Math.min(from, layout.lineCount));
    const last = Math.min(layout.lineCount, first + count);
    if (last <= first) return [];
    const start = layout.lineStarts[first]!;
    const end = last < layout.lineCount ? layout.lineStarts[last]! : layout.byteLength;
    const bytes = await this.#store.bytes(layout.bodyId, start, end - start);
    const lines: string[] = [];
    for (let line = first; line < last; line++) {
      const lineStart = layout.lineStarts[line]! - start;
      const lineEnd = (line + 1 < layout.lineCount ? layout.lineStarts[line + 1]! : layout.byteLength) - start;
      lines.push(stripEol(this.#decoder.decode(bytes.subarray(lineStart, lineEnd))));
    }
    return lines;
  }

  /** Every match, line by line (a match cannot span two display lines). */
  async search(
    bodyId: string,
    variant: BodyVariant,
    query: string,
    options: { regex: boolean; caseSensitive: boolean },
  ): Promise<{ matches: BodyMatch[]; truncated: boolean }> {
    const layout = await this.#layout(bodyId, variant);
    while (!layout.complete) await this.#progress(layout);
    const find = matcher(query, options);
    const plain = options.regex ? undefined : options.caseSensitive ? query : query.toLowerCase();
    const matches: BodyMatch[] = [];
    const lineEnd = (line: number) => (line + 1 < layout.lineCount ? layout.lineStarts[line + 1]! : layout.byteLength);
    let line = 0;
    while (line < layout.lineCount) {
      // A batch of whole lines of about SEARCH_BATCH_BYTES.
      const start = layout.lineStarts[line]!;
      let last = line + 1;
      while (last < layout.lineCount && layout.lineStarts[last]! - start < SEARCH_BATCH_BYTES) last += 1;
      const bytes = await this.#store.bytes(layout.bodyId, start, lineEnd(last - 1) - start);
      // Most bodies are ASCII: then a byte offset is a character offset, and plain text is found in
      // the whole batch in one pass (in the bytes themselves when case matters) and placed on its line
      // after, instead of millions of small decodes.
      const ascii = isAscii(bytes);
      if (ascii && plain !== undefined) {
        const nextAt = plainFinder(bytes, plain, options.caseSensitive);
        let current = line;
        for (let at = plain === '' ? -1 : nextAt(0); at !== -1; ) {
          while (current + 1 < last && layout.lineStarts[current + 1]! - start <= at) current += 1;
          const lineStart = layout.lineStarts[current]! - start;
          // A match must end before its line's line ending, as it would in the line alone.
          if (at + plain.length <= contentEnd(bytes, lineEnd(current) - start)) {
            matches.push({ line: current, start: at - lineStart, length: plain.length });
            if (matches.length >= MAX_MATCHES) return { matches, truncated: true };
            at = nextAt(at + plain.length);
          } else {
            at = nextAt(at + 1);
          }
        }
      } else {
        const text = ascii ? bytes.toString('latin1') : undefined;
        for (let current = line; current < last; current++) {
          const lineStart = layout.lineStarts[current]! - start;
          const end = lineEnd(current) - start;
          const lineText = text !== undefined ? text.slice(lineStart, end) : this.#decoder.decode(bytes.subarray(lineStart, end));
          for (const [matchStart, length] of find(stripEol(lineText))) {
            matches.push({ line: current, start: matchStart, length });
            if (matches.length >= MAX_MATCHES) return { matches, truncated: true };
          }
        }
      }
      line = last;
    }
    return { matches, truncated: false };
  }

  /** Forgets a body's layouts and drops its pretty copy (called when the body is released). */
  async release(bodyId: string): Promise<void> {
    for (const variant of ['raw', 'pretty'] as const) {
      const key = `${bodyId}:${variant}`;
      const layout = this.#layouts.get(key);
      this.#layouts.delete(key);
      const resolved = await layout?.catch(() => undefined);
      if (resolved && resolved.bodyId !== bodyId) await this.#store.release(resolved.bodyId);
    }
  }

  #layout(bodyId: string, variant: BodyVariant): Promise<Layout> {
    const key = `${bodyId}:${variant}`;
    let layout = this.#layouts.get(key);
    if (!layout) {
      layout = variant === 'pretty' ? this.#prettyLayout(bodyId) : this.#rawLayout(bodyId);
      layout.catch(() => this.#layouts.delete(key));
      this.#layouts.set(key, layout);
    }
    return layout;
  }

  async #progress(layout: Layout): Promise<void> {
    await layout.progress;
    if (layout.failure) throw layout.failure;
  }

  async #rawLayout(bodyId: string): Promise<Layout> {
    const index = new LineIndex();
    let offset = 0;
    for await (const chunk of this.#store.chunks(bodyId)) {
      index.scan(chunk, offset);
      offset += chunk.length;
    }
    return { bodyId, byteLength: offset, lineStarts: index.starts, lineCount: index.lineCountAt(offset, true), complete: true, progress: Promise.resolve() };
  }

  /**
   * Starts writing a pretty-printed copy and returns its layout at once; the copy is formatted,
   * flushed and indexed a piece at a time in the background, so its first lines are readable
   * long before a 100 MB body is done.
   */
  async #prettyLayout(bodyId: string): Promise<Layout> {
    await this.#store.bytes(bodyId, 0, 0); // NOT_FOUND now, not later in the background
    const writer = this.#store.create();
    const index = new LineIndex();
    let wake = () => {};
    const layout: Layout = {
      bodyId: writer.id,
      byteLength: 0,
      lineStarts: index.starts,
      lineCount: 0,
      complete: false,
      progress: new Promise((resolve) => (wake = resolve)),
    };
    const publish = (complete: boolean) => {
      layout.lineStarts = index.starts;
      layout.lineCount = index.lineCountAt(layout.byteLength, complete);
      layout.complete = complete;
      const done = wake;
      layout.progress = new Promise((resolve) => (wake = resolve));
      done();
    };
    const write = async (bytes: Uint8Array) => {
      if (!writer.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length))) await writer.drained();
      await writer.flushed();
      index.scan(bytes, layout.byteLength);
      layout.byteLength += bytes.length;
    };
    void (async () => {
      const formatter = new JsonPrettyStream();
      for await (const chunk of this.#store.chunks(bodyId)) {
        await write(formatter.push(chunk));
        publish(false);
      }
      await write(formatter.end());
      await writer.end();
      publish(true);
    })().catch((error: unknown) => {
      layout.failure = error;
      layout.complete = true;
      wake();
    });
    return layout;
  }
}

/**
 * Finds `needle` in an ASCII batch from a byte offset; -1 when there is no more. Case matters: in
 * the bytes themselves. Case does not: a case-insensitive regular expression over the batch as one
 * string (several times faster than lowering all of it), or, for a needle beyond ASCII, the lowered text.
 */
function plainFinder(bytes: Buffer, needle: string, caseSensitive: boolean): (from: number) => number {
  if (caseSensitive) {
    const needleBytes = Buffer.from(needle);
    return (from) => bytes.indexOf(needleBytes, from);
  }
  const text = bytes.toString('latin1');
  if (!isAscii(Buffer.from(needle))) {
    const lowered = text.toLowerCase();
    return (from) => lowered.indexOf(needle, from);
  }
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  return (from) => {
    pattern.lastIndex = from;
    return pattern.exec(text)?.index ?? -1;
  };
}

/** Where a line that ends at `end` of `bytes` ends without its line ending (as stripEol cuts it). */
function contentEnd(bytes: Uint8Array, end: number): number {
  if (bytes[end - 1] !== 0x0a) return end;
  return bytes[end - 2] === 0x0d ? end - 2 : end - 1;
}

function stripEol(line: string): string {
  return line.endsWith('\r\n') ? line.slice(0, -2) : line.endsWith('\n') ? line.slice(0, -1) : line;
}

function matcher(query: string, options: { regex: boolean; caseSensitive: boolean }): (line: string) => Iterable<[number, number]> {
  if (options.regex) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(query, options.caseSensitive ? 'gu' : 'giu');
    } catch (error) {
      throw new ShuttleFailure('VALIDATION', `Not a valid regular expression: ${(error as Error).message}`);
    }
    return function* (line) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
        if (match[0].length === 0) {
          pattern.lastIndex += 1; // an empty match would loop forever
          continue;
        }
        yield [match.index, match[0].length];
      }
    };
  }
  const needle = options.caseSensitive ? query : query.toLowerCase();
  return function* (line) {
    if (needle === '') return;
    const haystack = options.caseSensitive ? line : line.toLowerCase();
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) yield [at, needle.length];
  };
}
