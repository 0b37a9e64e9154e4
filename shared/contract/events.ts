import type { SseEvent } from '../http/sse-parser.ts';
import type { OAuth2TokenInfo } from '../model/oauth2.ts';
import type { WsMessagesEvent, WsStateEvent } from '../model/websocket.ts';
import type { ShuttleError } from './errors.ts';

/** Events the engine pushes to every UI; each carries the id of the operation it belongs to. */
export interface EventPayloads {
  'http.progress': {
    runId: string;
    phase: 'connecting' | 'waiting' | 'receiving';
    receivedBytes: number;
  };
  /** Server-sent events of a text/event-stream response, live while it streams (batched). */
  'http.sse': { runId: string; events: SseEvent[] };
  'ws.state': WsStateEvent;
  /** Messages in batches (by time slice and count), so a flood is a few events a second, not thousands. */
  'ws.messages': WsMessagesEvent;
  /** How a browser sign-in started by `oauth2.authorize` ended (once per flowId). */
  'oauth2.authorization': {
    flowId: string;
    status: 'completed' | 'failed' | 'cancelled';
    token?: OAuth2TokenInfo;
    error?: ShuttleError;
  };
  /** History gained, lost or replaced entries; lists reload what they show (ids when known). */
  'history.changed': { reason: 'added' | 'deleted' | 'cleared' | 'reset'; ids?: number[] };
  /** Files changed under the open workspace (on disk, by anyone): relative paths, "" for "anything may have". */
  'workspace.changed': { root: string; paths: string[] };
}

export type EventName = keyof EventPayloads;
export type EventMessage = { [E in EventName]: { event: E; payload: EventPayloads[E] } }[EventName];
