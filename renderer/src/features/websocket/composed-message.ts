import type { WsOutgoing } from '../../../../shared/model/websocket.ts';
import type { ComposedMessage } from './ws-draft.ts';

/** A composed message ready to send, or why it cannot be sent as it stands. */
export type PreparedMessage =
  | { ok: true; message: WsOutgoing; size: number }
  | { ok: false; problem: 'invalidJson' | 'invalidHex' | 'invalidBase64'; detail: string };

/** Checks and encodes what the composer holds: JSON must parse, binary must be valid hex or base64. */
export function prepareComposed({ format, encoding, body }: ComposedMessage): PreparedMessage {
  if (format === 'text') return { ok: true, message: { type: 'text', text: body }, size: utf8Length(body) };
  if (format === 'json') {
    try {
      JSON.parse(body);
    } catch (error) {
      return { ok: false, problem: 'invalidJson', detail: error instanceof Error ? error.message : String(error) };
    }
    return { ok: true, message: { type: 'text', text: body }, size: utf8Length(body) };
  }
  const bytes = encoding === 'hex' ? parseHex(body) : parseBase64(body);
  if (typeof bytes === 'string') return { ok: false, problem: encoding === 'hex' ? 'invalidHex' : 'invalidBase64', detail: bytes };
  return { ok: true, message: { type: 'binary', base64: bytesToBase64(bytes) }, size: bytes.length };
}

/** Hex as people paste it: "0a ff", "0aff", "0x0a 0xff", "0a:ff", across lines. A string is the problem. */
export function parseHex(text: string): Uint8Array | string {
  const digits = text.replace(/0x/gi, '').replace(/[\s:,-]/g, '');
  if (!/^[0-9a-f]*$/i.test(digits)) return `"${/[^0-9a-f]/i.exec(digits)?.[0] ?? ''}" is not a hex digit`;
  if (digits.length % 2 !== 0) return 'an odd number of hex digits';
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function parseBase64(text: string): Uint8Array | string {
  const compact = text.replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return 'not valid base64';
  try {
    return base64ToBytes(compact);
  } catch {
    return 'not valid base64';
  }
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with a huge argument list overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
