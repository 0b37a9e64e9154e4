import { describe, expect, it } from 'vitest';
import { parseSseText, SseParser } from '../../../../shared/http/sse-parser.ts';

describe('SseParser', () => {
  it('dispatches events on blank lines, joining data lines and carrying the last id', () => {
    expect(parseSseText('id: 1\nevent: tick\ndata: a\ndata: b\n\n: comment\ndata:c\n\nid: 7\ndata: d\n\n')).toEqual([
      { id: '1', event: 'tick', data: 'a\nb' },
      { id: '1', event: 'message', data: 'c' },
      { id: '7', event: 'message', data: 'd' },
    ]);
  });

  it('handles pieces split anywhere, including between CR and LF', () => {
    const parser = new SseParser();
    const text = 'data: one\r\n\r\ndata: two\r\r';
    const events = [];
    for (const char of text) events.push(...parser.push(char, 5));
    expect(events).toEqual([
      { id: '', event: 'message', data: 'one', time: 5 },
      { id: '', event: 'message', data: 'two', time: 5 },
    ]);
  });

  it('drops an event that never ended', () => {
    expect(parseSseText('data: complete\n\ndata: cut off')).toEqual([{ id: '', event: 'message', data: 'complete' }]);
  });
});
