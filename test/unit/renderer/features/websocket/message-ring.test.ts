import { describe, expect, it } from 'vitest';
import type { WsMessage } from '../../../../../shared/model/websocket.ts';
import { LogView } from '../../../../../renderer/src/features/websocket/log-view.ts';
import { MessageRing } from '../../../../../renderer/src/features/websocket/message-ring.ts';

function messages(from: number, count: number, text = (seq: number) => `message ${seq}`): WsMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    seq: from + i,
    direction: (from + i) % 2 ? 'in' : 'out',
    type: 'text',
    time: 1_700_000_000_000 + from + i,
    size: text(from + i).length,
    text: text(from + i),
  }));
}

const seqs = (ring: MessageRing) => [...ring].map((message) => message.seq);

describe('MessageRing: the log is bounded and says what it dropped', () => {
  it('keeps the newest messages up to its capacity and counts the rest as dropped', () => {
    const ring = new MessageRing(5);
    ring.push(messages(1, 3));
    ring.push(messages(4, 4));

    expect(seqs(ring)).toEqual([3, 4, 5, 6, 7]);
    expect(ring.total).toBe(7);
    expect(ring.dropped).toBe(2);
    expect(ring.get(1)).toBeUndefined();
    expect(ring.get(2)?.seq).toBe(3);
  });

  it('also drops the oldest when the content budget is exceeded', () => {
    const ring = new MessageRing(1000, 2 * 100);
    ring.push(messages(1, 5, () => 'x'.repeat(30)));

    // 60 bytes each in memory (UTF-16): three fit in 200 bytes.
    expect(seqs(ring)).toEqual([3, 4, 5]);
    expect(ring.dropped).toBe(2);
  });

  it('a smaller limit keeps the newest and their positions; a larger one keeps everything', () => {
    const ring = new MessageRing(10);
    ring.push(messages(1, 8));
    ring.setCapacity(3);
    expect(seqs(ring)).toEqual([6, 7, 8]);
    expect(ring.get(7)?.seq).toBe(8);
    ring.setCapacity(100);
    ring.push(messages(9, 2));
    expect(seqs(ring)).toEqual([6, 7, 8, 9, 10]);
    expect(ring.total).toBe(10);
  });

  it('clear starts over', () => {
    const ring = new MessageRing(3);
    ring.push(messages(1, 5));
    ring.clear();
    expect(ring.total).toBe(0);
    expect(ring.dropped).toBe(0);
    expect(seqs(ring)).toEqual([]);
  });
});

describe('LogView: filter and pause', () => {
  const shown = (view: LogView, ring: MessageRing) => Array.from({ length: view.count }, (_, row) => ring.get(view.indexAt(row))!.seq);

  it('without a filter shows every kept message', () => {
    const ring = new MessageRing(4);
    const view = new LogView(ring);
    ring.push(messages(1, 6));
    view.refresh();
    expect(shown(view, ring)).toEqual([3, 4, 5, 6]);
  });

  it('filters by text (any case), direction and type, checking only new messages as they arrive', () => {
    const ring = new MessageRing(100);
    const view = new LogView(ring);
    ring.push(messages(1, 12));
    view.setFilter({ query: 'MESSAGE 1', regex: false, direction: 'all', type: 'all' });
    expect(shown(view, ring)).toEqual([1, 10, 11, 12]);

    ring.push(messages(13, 2));
    view.refresh();
    expect(shown(view, ring)).toEqual([1, 10, 11, 12, 13, 14]);

    view.setFilter({ query: 'message 1', regex: false, direction: 'out', type: 'all' });
    expect(shown(view, ring)).toEqual([10, 12, 14]);
    view.setFilter({ query: '', regex: false, direction: 'all', type: 'binary' });
    expect(view.count).toBe(0);
  });

  it('a regular expression is used as typed; an invalid one is reported and shows everything', () => {
    const ring = new MessageRing(100);
    const view = new LogView(ring);
    ring.push(messages(1, 12));
    view.setFilter({ query: '^message (2|1[01])$', regex: true, direction: 'all', type: 'all' });
    expect(shown(view, ring)).toEqual([2, 10, 11]);

    view.setFilter({ query: '(', regex: true, direction: 'all', type: 'all' });
    expect(view.problem).toMatch(/regular expression|group/i);
    expect(view.count).toBe(12);
  });

  it('matches that fall out of the ring leave the view', () => {
    const ring = new MessageRing(5);
    const view = new LogView(ring);
    view.setFilter({ query: 'message', regex: false, direction: 'in', type: 'all' });
    ring.push(messages(1, 5));
    view.refresh();
    expect(shown(view, ring)).toEqual([1, 3, 5]);
    ring.push(messages(6, 3));
    view.refresh();
    expect(shown(view, ring)).toEqual([5, 7]);
  });

  it('paused, the view holds while messages keep arriving, and counts them; resumed, it catches up', () => {
    const ring = new MessageRing(100);
    const view = new LogView(ring);
    ring.push(messages(1, 3));
    view.refresh();
    view.pause();
    ring.push(messages(4, 5));
    view.refresh();

    expect(shown(view, ring)).toEqual([1, 2, 3]);
    expect(view.newWhilePaused).toBe(5);

    view.setFilter({ query: '', regex: false, direction: 'in', type: 'all' });
    expect(shown(view, ring)).toEqual([1, 3]);
    // Of 4…8, only 5 and 7 were received.
    expect(view.newWhilePaused).toBe(2);

    view.resume();
    expect(shown(view, ring)).toEqual([1, 3, 5, 7]);
    expect(view.newWhilePaused).toBe(0);
  });
});
