import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

/** What undici wrote for one request: the request line and headers as one text, and the socket. */
export interface WireCapture {
  headerText: string;
  socket: Socket;
}

interface Probe {
  method: string;
  path: string;
  onSent(capture: WireCapture): void;
}

interface SendHeadersMessage {
  request: { method: string; path: string };
  headers: string;
  socket: Socket;
}

let pending: Probe | undefined;
let subscribed = false;

/**
 * Ties undici's process-wide 'undici:client:sendHeaders' event to one exchange. undici calls the
 * handler's onRequestStart and publishes that event in the same synchronous step (client-h1's
 * writeH1, client-h2's writeH2), so the probe set in onRequestStart is the one the next event
 * belongs to. Method and path are checked too, so a stale probe can never claim another request.
 */
export function expectRequestHeaders(probe: Probe): void {
  if (!subscribed) {
    subscribe('undici:client:sendHeaders', onSendHeaders);
    subscribed = true;
  }
  pending = probe;
}

export function forgetProbe(probe: Probe): void {
  if (pending === probe) pending = undefined;
}

function onSendHeaders(message: unknown): void {
  const probe = pending;
  if (!probe) return;
  const { request, headers, socket } = message as SendHeadersMessage;
  // Through an HTTP proxy the path is absolute-form (origin + path).
  if (request.method !== probe.method || !request.path.endsWith(probe.path)) return;
  pending = undefined;
  probe.onSent({ headerText: headers, socket });
}
