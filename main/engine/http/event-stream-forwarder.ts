import { SseParser, type SseEvent } from '../../../shared/http/sse-parser.ts';
import type { BodyWriter } from '../bodies/body-store.ts';

/** How often parsed events go to the UI at most: a fast stream is a few events a second, not thousands. */
const BATCH_MS = 50;

/**
 * Parses a text/event-stream body as it is stored and reports the events in batches, so the UI
 * shows them live while the response is still streaming. The body store keeps the bytes as usual.
 */
export function createEventStreamForwarder(report: (events: SseEvent[]) => void): { push(chunk: Buffer): void; flush(): void } {
  // Made on the first event-stream bytes: every send gets a forwarder, few responses are event streams.
  let parser: SseParser | undefined;
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let pending: SseEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    report(batch);
  };
  return {
    push(chunk) {
      parser ??= new SseParser();
      decoder ??= new TextDecoder('utf-8');
      pending.push(...parser.push(decoder.decode(chunk, { stream: true }), Date.now()));
      if (pending.length > 0 && timer === undefined) timer = setTimeout(flush, BATCH_MS);
    },
    flush,
  };
}

/** A body writer that also hands every stored (decoded) chunk to `tap`. */
export function tapWrites(writer: BodyWriter, tap: (chunk: Buffer) => void): BodyWriter {
  return {
    get id() {
      return writer.id;
    },
    get size() {
      return writer.size;
    },
    write(chunk) {
      tap(chunk);
      return writer.write(chunk);
    },
    drained: () => writer.drained(),
    flushed: () => writer.flushed(),
    end: () => writer.end(),
  };
}

export function isEventStream(headers: readonly [string, string][]): boolean {
  // Length first: this runs for every response, and lower-casing every header name costs.
  const type = headers.find(([name]) => name.length === 12 && name.toLowerCase() === 'content-type')?.[1] ?? '';
  return type.split(';')[0]!.trim().toLowerCase() === 'text/event-stream';
}
