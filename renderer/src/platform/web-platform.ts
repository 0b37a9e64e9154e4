import type { Result } from '../../../shared/contract/errors.ts';
import type { EventMessage } from '../../../shared/contract/events.ts';
import { PlatformUnavailable, type Platform } from './platform.ts';

const SESSION_KEY = 'shuttle.sessionToken';
const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 5000];

/**
 * The web host's transport. The printed link carries a one-time launch token in its #fragment;
 * it is traded for a session token kept in sessionStorage (so a reload keeps working) and then
 * removed from the address bar.
 */
export async function createWebPlatform(): Promise<Platform> {
  const sessionToken = await obtainSessionToken();
  const listeners = new Set<(message: EventMessage) => void>();
  connectEvents(sessionToken, listeners);

  return {
    kind: 'web',
    capabilities: { canPickFiles: false, canOpenWindows: false, canRevealFiles: false },
    async invoke(command, payload) {
      let response: Response;
      try {
        response = await fetch(`/api/invoke/${encodeURIComponent(command)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionToken}` },
          body: JSON.stringify(payload ?? {}),
        });
      } catch (error) {
        return hostError('The Shuttle web host is not reachable', error);
      }
      if (response.status === 401) {
        sessionStorage.removeItem(SESSION_KEY);
        return { ok: false, error: { code: 'UNAUTHORIZED', message: 'The session ended; open the link Shuttle printed again' } };
      }
      if (!response.ok) return hostError(`The web host answered ${response.status}`);
      return (await response.json()) as Result<unknown>;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

async function obtainSessionToken(): Promise<string> {
  const launchToken = new URLSearchParams(location.hash.slice(1)).get('launch');
  if (launchToken) {
    history.replaceState(null, '', location.pathname + location.search);
    const response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ launchToken }),
    }).catch(() => undefined);
    if (response?.ok) {
      const { sessionToken } = (await response.json()) as { sessionToken: string };
      sessionStorage.setItem(SESSION_KEY, sessionToken);
      return sessionToken;
    }
    if (!response) throw new PlatformUnavailable('host-unreachable', 'The Shuttle web host is not reachable');
  }
  const stored = sessionStorage.getItem(SESSION_KEY);
  if (stored) return stored;
  throw new PlatformUnavailable('needs-link', 'This page needs the link Shuttle printed when it started');
}

function connectEvents(token: string, listeners: Set<(message: EventMessage) => void>, attempt = 0): void {
  const socket = new WebSocket(`ws://${location.host}/api/events?token=${encodeURIComponent(token)}`);
  socket.onopen = () => {
    attempt = 0;
  };
  socket.onmessage = (message) => {
    const parsed = JSON.parse(String(message.data)) as EventMessage;
    for (const listener of listeners) listener(parsed);
  };
  socket.onclose = () => {
    const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)];
    setTimeout(() => connectEvents(token, listeners, attempt + 1), delay);
  };
}

function hostError(message: string, cause?: unknown): Result<never> {
  return { ok: false, error: { code: 'INTERNAL', message: cause instanceof Error ? `${message}: ${cause.message}` : message } };
}
