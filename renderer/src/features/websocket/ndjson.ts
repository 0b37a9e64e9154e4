import type { WsMessage } from '../../../../shared/model/websocket.ts';

/**
 * The session as NDJSON, one message per line, for jq, scripts or a bug report. Times are both
 * ISO 8601 (for people) and epoch ms (for tools); truncated payloads say so.
 */
export function sessionToNdjson(messages: Iterable<WsMessage>): string {
  const lines: string[] = [];
  for (const message of messages) {
    lines.push(
      JSON.stringify({
        seq: message.seq,
        time: new Date(message.time).toISOString(),
        epochMs: message.time,
        direction: message.direction,
        type: message.type,
        size: message.size,
        ...(message.code !== undefined ? { code: message.code } : {}),
        ...(message.text !== undefined ? { text: message.text } : {}),
        ...(message.base64 !== undefined ? { base64: message.base64 } : {}),
        ...(message.truncated ? { truncated: true } : {}),
      }),
    );
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
