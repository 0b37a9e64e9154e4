import type { WsCloseInfo } from '../../../shared/model/websocket.ts';

/**
 * How a socket that closed with `code` (ws reports 1006 when no close frame arrived) ended, in the
 * terms the UI shows: the code and reason of the close frame that arrived, else of the one this side
 * sent, else 1006 "the connection dropped". Undefined for a socket that never opened.
 */
export function closeOutcome(
  opened: boolean,
  code: number,
  reason: string,
  sentClose: { code: number; reason: string } | undefined,
): WsCloseInfo | undefined {
  if (!opened) return undefined;
  if (code !== 1006) return { code, reason, by: sentClose ? 'client' : 'server' };
  if (sentClose) return { ...sentClose, by: 'client' };
  return { code: 1006, reason: '', by: 'network' };
}
