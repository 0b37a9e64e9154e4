/** One server-sent event as dispatched by the parsing rules of the HTML standard (§9.2.6). */
export interface SseEvent {
  /** The last event ID seen so far (it carries over to later events, as in EventSource). */
  id: string;
  /** "message" unless the stream named another type. */
  event: string;
  data: string;
  /** Epoch ms when the engine received it (absent when parsed from a stored body). */
  time?: number;
}

/**
 * Incremental text/event-stream parser: feed it text as it arrives, get back every event completed
 * by that text. Lines end in CRLF, LF or CR; `:` lines are comments; a blank line dispatches.
 */
export class SseParser {
  #buffer = '';
  #data: string[] = [];
  #event = '';
  #lastId = '';
  #pendingCr = false;

  push(text: string, time?: number): SseEvent[] {
    let input = text;
    // A CR at the very end of the previous piece may be the first half of a CRLF.
    if (this.#pendingCr && input.startsWith('\n')) input = input.slice(1);
    this.#pendingCr = input.endsWith('\r');
    this.#buffer += input;
    const events: SseEvent[] = [];
    const lines = this.#buffer.split(/\r\n|\r|\n/);
    this.#buffer = lines.pop() ?? '';
    for (const line of lines) {
      const event = this.#line(line, time);
      if (event) events.push(event);
    }
    return events;
  }

  /** The end of the stream: an incomplete last event is dropped, as EventSource does. */
  end(): void {
    this.#buffer = '';
    this.#data = [];
    this.#event = '';
  }

  #line(line: string, time: number | undefined): SseEvent | undefined {
    if (line === '') {
      if (this.#data.length === 0) {
        this.#event = '';
        return undefined;
      }
      const event: SseEvent = { id: this.#lastId, event: this.#event || 'message', data: this.#data.join('\n') };
      if (time !== undefined) event.time = time;
      this.#data = [];
      this.#event = '';
      return event;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#event = value;
    else if (field === 'id' && !value.includes('\0')) this.#lastId = value;
    return undefined;
  }
}

/** Every complete event in a stored text/event-stream body. */
export function parseSseText(text: string): SseEvent[] {
  return new SseParser().push(text.endsWith('\n') ? text : `${text}\n`);
}
