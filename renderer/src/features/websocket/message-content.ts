import type { WsMessage } from '../../../../shared/model/websocket.ts';
import { base64ToBytes } from './composed-message.ts';

const ROW_PREVIEW_CHARS = 300;
const ROW_PREVIEW_BYTES = 48;

/** The payload's bytes as they crossed the wire (the preview's, for a truncated message). */
export function payloadBytes(message: WsMessage): Uint8Array {
  if (message.base64 !== undefined) return base64ToBytes(message.base64);
  return new TextEncoder().encode(message.text ?? '');
}

/** One line that stands for the message in the log: text as is, bytes as hex, a close as "code reason". */
export function rowPreview(message: WsMessage): string {
  switch (message.type) {
    case 'text':
      return (message.text ?? '').slice(0, ROW_PREVIEW_CHARS).replace(/\s+/g, ' ');
    case 'close':
      return [message.code, message.text].filter((part) => part !== undefined && part !== '').join(' ');
    case 'binary':
      return hexPreview(payloadBytes(message));
    case 'ping':
    case 'pong': {
      const bytes = payloadBytes(message);
      const text = readableText(bytes);
      return text ?? hexPreview(bytes);
    }
  }
}

/** What the log filter searches: the same words a person sees in the row. */
export function searchableText(message: WsMessage): string {
  return message.type === 'text' ? (message.text ?? '') : rowPreview(message);
}

/** "00 ff c3 28 …" */
export function hexPreview(bytes: Uint8Array, max = ROW_PREVIEW_BYTES): string {
  const shown = Array.from(bytes.subarray(0, max), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > max ? `${shown} …` : shown;
}

/** A classic hex dump: offset, 16 bytes in hex, the printable ones as text. */
export function hexDump(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += 16) {
    const row = bytes.subarray(offset, offset + 16);
    const hex = Array.from(row, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, (byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.')).join('');
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines.join('\n');
}

/** The bytes as text when they are valid UTF-8 without control characters, else undefined. */
export function readableText(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // Tabs and line breaks are text; other C0 controls mean bytes that only look like text.
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return undefined;
    }
    return text;
  } catch {
    return undefined;
  }
}

/** "14:03:27.081": local wall-clock time with milliseconds. */
export function formatClock(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number, length = 2) => String(value).padStart(length, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** "+0.042 s", "+12.500 s", "+3 m 05.120 s": time since the session started, to the millisecond. */
export function formatOffset(ms: number): string {
  const clamped = Math.max(0, ms);
  if (clamped < 60_000) return `+${(clamped / 1000).toFixed(3)} s`;
  const minutes = Math.floor(clamped / 60_000);
  return `+${minutes} m ${((clamped % 60_000) / 1000).toFixed(3).padStart(6, '0')} s`;
}
