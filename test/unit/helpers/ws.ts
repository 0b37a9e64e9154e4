import { onTestFinished } from 'vitest';
import type { EventMessage } from '../../../shared/contract/events.ts';
import { emptyWsRequest, type WsMessage, type WsRequestSpec, type WsStateEvent } from '../../../shared/model/websocket.ts';
import { startHostileWsServer, type HostileBehaviour, type HostileWsServer } from '../../fixtures/servers/ws-hostile-fixture.ts';
import { startWsFixture, type WsFixture } from '../../fixtures/servers/ws-fixture.ts';

/** The loopback WebSocket fixture, closed when the test ends. */
export async function startWsServer(options: { tls?: boolean; requireClientCert?: boolean } = {}): Promise<WsFixture> {
  const fixture = await startWsFixture(options);
  onTestFinished(() => fixture.close());
  return fixture;
}

/** A hand-written hostile server, closed when the test ends. */
export async function startHostileServer(behaviour: HostileBehaviour): Promise<HostileWsServer> {
  const server = await startHostileWsServer(behaviour);
  onTestFinished(() => server.close());
  return server;
}

/** A connection as the UI would compose it: no params, headers or subprotocols, unless overridden. */
export function wsSpec(url: string, overrides: Partial<WsRequestSpec> = {}): WsRequestSpec {
  return { ...emptyWsRequest(), url, ...overrides };
}

/** Every message the engine reported for a connection, in the order of the events. */
export function messagesOf(events: EventMessage[], connectionId: string): WsMessage[] {
  return events.flatMap((event) => (event.event === 'ws.messages' && event.payload.connectionId === connectionId ? event.payload.messages : []));
}

/** Every state event for a connection, oldest first. */
export function statesOf(events: EventMessage[], connectionId: string): WsStateEvent[] {
  return events.flatMap((event) => (event.event === 'ws.state' && event.payload.connectionId === connectionId ? [event.payload] : []));
}

export function lastState(events: EventMessage[], connectionId: string): WsStateEvent | undefined {
  return statesOf(events, connectionId).at(-1);
}
