import type { SentBody } from '../../../../shared/model/response.ts';

/** What the timeline keeps of a request body: enough to read a JSON, form or GraphQL body, not a whole upload. */
export const SENT_BODY_PREVIEW_BYTES = 64 * 1024;


/** The first bytes of a request body as they go out on one exchange, for the timeline. */
export class SentBodyPreview {
  readonly #size: number;
  readonly #chunks: Uint8Array[] = [];
  #kept = 0;

  constructor(size: number) {
    this.#size = size;
  }

  /** Takes bytes as they are sent; past the preview size they are not kept. */
  keep(chunk: Uint8Array): void {
    const room = SENT_BODY_PREVIEW_BYTES - this.#kept;
    if (room <= 0) return;
    // A copy: a streamed body's chunks may be reused by their producer.
    const part = Uint8Array.prototype.slice.call(chunk, 0, room);
    this.#chunks.push(part);
    this.#kept += part.length;
  }

  summary(): SentBody {
    const bytes = Buffer.concat(this.#chunks);
    const truncated = this.#size > bytes.length;
    let text: string | undefined;
    try {
      // A cut inside a character is held back (stream), not an error; anything else that is not UTF-8 is binary.
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: truncated });
    } catch {
      text = undefined;
    }
    if (text !== undefined && hasControlCharacters(text)) text = undefined;
    return { size: this.#size, ...(text !== undefined ? { text } : {}), truncated };
  }
}

/** C0 control characters other than tab, line feed and carriage return: UTF-8 that holds them is binary data. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
}
