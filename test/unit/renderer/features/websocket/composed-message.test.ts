import { describe, expect, it } from 'vitest';
import type { WsMessage } from '../../../../../shared/model/websocket.ts';
import { parseHex, prepareComposed } from '../../../../../renderer/src/features/websocket/composed-message.ts';
import { formatOffset, hexDump, rowPreview } from '../../../../../renderer/src/features/websocket/message-content.ts';
import { sessionToNdjson } from '../../../../../renderer/src/features/websocket/ndjson.ts';

describe('the composer: what it sends', () => {
  it('text goes as typed, with its UTF-8 size', () => {
    expect(prepareComposed({ format: 'text', encoding: 'hex', body: 'héllo' })).toEqual({ ok: true, message: { type: 'text', text: 'héllo' }, size: 6 });
  });

  it('JSON goes exactly as typed (not re-serialised) and must parse', () => {
    const body = '{"id":12345678901234567890, "a":1.50}';
    expect(prepareComposed({ format: 'json', encoding: 'hex', body })).toMatchObject({ ok: true, message: { type: 'text', text: body } });
    expect(prepareComposed({ format: 'json', encoding: 'hex', body: '{"a":' })).toMatchObject({ ok: false, problem: 'invalidJson' });
  });

  it('hex is read the way people paste it, and refused when it is not hex', () => {
    expect(Array.from(parseHex('de AD:be-ef\n0x00 0xff') as Uint8Array)).toEqual([0xde, 0xad, 0xbe, 0xef, 0x00, 0xff]);
    expect(prepareComposed({ format: 'binary', encoding: 'hex', body: '00 ff' })).toEqual({ ok: true, message: { type: 'binary', base64: 'AP8=' }, size: 2 });
    expect(prepareComposed({ format: 'binary', encoding: 'hex', body: 'zz' })).toMatchObject({ ok: false, problem: 'invalidHex' });
    expect(prepareComposed({ format: 'binary', encoding: 'hex', body: 'abc' })).toMatchObject({ ok: false, problem: 'invalidHex', detail: 'an odd number of hex digits' });
  });

  it('base64 may carry line breaks; anything else is refused', () => {
    expect(prepareComposed({ format: 'binary', encoding: 'base64', body: 'AP8A\n/w==' })).toEqual({ ok: true, message: { type: 'binary', base64: 'AP8A/w==' }, size: 4 });
    expect(prepareComposed({ format: 'binary', encoding: 'base64', body: 'not base64!' })).toMatchObject({ ok: false, problem: 'invalidBase64' });
  });
});

describe('how messages are shown and exported', () => {
  const binary: WsMessage = { seq: 3, direction: 'in', type: 'binary', time: 0, size: 4, base64: 'AP8oDQ==' };

  it('rows show text on one line, bytes as hex, a close frame as code and reason, printable pings as text', () => {
    expect(rowPreview({ seq: 1, direction: 'in', type: 'text', time: 0, size: 3, text: 'a\n b' })).toBe('a b');
    expect(rowPreview(binary)).toBe('00 ff 28 0d');
    expect(rowPreview({ seq: 2, direction: 'in', type: 'close', time: 0, size: 3, code: 4001, text: 'bye' })).toBe('4001 bye');
    expect(rowPreview({ seq: 4, direction: 'in', type: 'ping', time: 0, size: 5, base64: 'aGVsbG8=' })).toBe('hello');
  });

  it('a hex dump has offsets, hex and the printable bytes', () => {
    expect(hexDump(new Uint8Array([0x48, 0x69, 0x00, 0xff]))).toBe('00000000  48 69 00 ff' + ' '.repeat(36) + '  Hi..');
  });

  it('offsets from the session start are shown to the millisecond', () => {
    expect(formatOffset(42)).toBe('+0.042 s');
    expect(formatOffset(185_120)).toBe('+3 m 05.120 s');
  });

  it('NDJSON has one JSON object a line, with ISO and epoch times', () => {
    const lines = sessionToNdjson([binary, { seq: 4, direction: 'out', type: 'close', time: 1000, size: 0, code: 1000, text: '' }]).split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!)).toEqual({ seq: 3, time: '1970-01-01T00:00:00.000Z', epochMs: 0, direction: 'in', type: 'binary', size: 4, base64: 'AP8oDQ==' });
    expect(JSON.parse(lines[1]!)).toMatchObject({ seq: 4, code: 1000, text: '' });
    expect(lines[2]).toBe('');
  });
});
