import { describe, expect, it } from 'vitest';
import { SENT_BODY_PREVIEW_BYTES, SentBodyPreview } from '../../../../main/engine/http/timeline/sent-body.ts';

function preview(size: number, ...chunks: Uint8Array[]) {
  const body = new SentBodyPreview(size);
  for (const chunk of chunks) body.keep(chunk);
  return body.summary();
}

describe('the timeline’s preview of a request body', () => {
  it('keeps text across chunks, and a character cut at the preview’s end is dropped, not turned into an error', () => {
    const text = 'é'.repeat(SENT_BODY_PREVIEW_BYTES); // two bytes each: the preview ends inside the body
    const bytes = Buffer.from(text);
    const summary = preview(bytes.length, bytes.subarray(0, 1000), bytes.subarray(1000));

    expect(summary).toEqual({ size: bytes.length, text: 'é'.repeat(SENT_BODY_PREVIEW_BYTES / 2), truncated: true });
    // Cut inside a character: the half character is held back.
    const odd = Buffer.concat([Buffer.from('a'), bytes]);
    expect(preview(odd.length, odd).text).toBe('a' + 'é'.repeat(SENT_BODY_PREVIEW_BYTES / 2 - 1));
  });

  it('binary data (not UTF-8, or control characters) has no text', () => {
    expect(preview(3, Buffer.from([0xff, 0xfe, 0x00]))).toEqual({ size: 3, truncated: false });
    expect(preview(3, Buffer.from('a\u0000b'))).toEqual({ size: 3, truncated: false });
    expect(preview(6, Buffer.from('a\tb\r\nc'))).toEqual({ size: 6, text: 'a\tb\r\nc', truncated: false });
  });

  it('keeps its own copy: a producer reusing its buffer does not change what was sent', () => {
    const reused = Buffer.from('first');
    const body = new SentBodyPreview(5);
    body.keep(reused);
    reused.write('later');
    expect(body.summary().text).toBe('first');
  });
});
