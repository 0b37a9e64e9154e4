import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EmitEvent } from '../../engine/events.ts';
import type { Router } from '../../rpc/router.ts';
import { contentSecurityPolicy } from '../content-security-policy.ts';
import { SessionTokens } from './session-tokens.ts';
import { readStaticFile } from './static-files.ts';

/** Larger payloads than this are refused with 400 before they are parsed. */
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
const BIND_ADDRESS = '127.0.0.1';

export interface WebHostOptions {
  router: Router;
  /** The renderer build (dist/renderer). */
  staticDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface WebHost {
  /** Opens the app; carries the one-time launch token. */
  launchUrl: string;
  origin: string;
  port: number;
  /** Sends an engine event to every connected UI. */
  broadcast: EmitEvent;
  close(): Promise<void>;
}

/**
 * Serves the renderer and carries the contract over HTTP (commands) and a WebSocket (events),
 * to this machine only. Every API call and the event socket need a session token; a Host or
 * Origin that is not this server's gets 403, which stops DNS rebinding and cross-site sockets.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const tokens = new SessionTokens();
  const sockets = new Set<WebSocket>();
  const eventServer = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  let port = 0;

  const allowedHosts = () => [`${BIND_ADDRESS}:${port}`, `localhost:${port}`];
  const isAllowedHost = (request: IncomingMessage) => allowedHosts().includes(request.headers.host ?? '');
  const isAllowedOrigin = (origin: string | undefined) =>
    origin === undefined || allowedHosts().some((host) => origin === `http://${host}`);

  const server = createServer((request, response) => {
    handleHttp(request, response).catch((error: unknown) => {
      console.error('[shuttle] web host error:', error);
      if (!response.headersSent) send(response, 500, { error: 'internal error' });
      else response.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isAllowedHost(request) || !isAllowedOrigin(request.headers.origin)) {
      return send(response, 403, { error: 'forbidden host or origin' });
    }
    let path: string;
    try {
      path = new URL(request.url ?? '/', 'http://localhost').pathname;
    } catch {
      return send(response, 400, { error: 'bad request' });
    }

    if (path === '/api/session') {
      if (request.method !== 'POST') return send(response, 405, { error: 'method not allowed' });
      const body = await readJson(request);
      const launchToken = (body.ok && (body.value as { launchToken?: unknown })?.launchToken) || '';
      const session = typeof launchToken === 'string' ? tokens.exchange(launchToken) : undefined;
      if (!session) return send(response, 401, { error: 'this link was already used or is not valid' });
      return send(response, 200, { sessionToken: session });
    }

    if (path.startsWith('/api/invoke/')) {
      if (request.method !== 'POST') return send(response, 405, { error: 'method not allowed' });
      if (!tokens.isSession(bearerToken(request))) return send(response, 401, { error: 'missing or invalid session token' });
      if (!request.headers['content-type']?.startsWith('application/json')) {
        return send(response, 415, { error: 'expected application/json' });
      }
      const command = decodeComponent(path.slice('/api/invoke/'.length));
      if (command === undefined) return send(response, 400, { error: 'bad command name' });
      const body = await readJson(request);
      if (!body.ok) return send(response, 400, { error: body.error });
      return send(response, 200, await options.router.invoke(command, body.value));
    }

    if (path.startsWith('/api/')) return send(response, 404, { error: 'not found' });
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, { error: 'method not allowed' });

    const file = await readStaticFile(options.staticDir, path);
    if (!file) return send(response, 404, { error: 'not found' });
    response.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Length': file.body.length,
      'Content-Security-Policy': contentSecurityPolicy([`ws://${BIND_ADDRESS}:${port}`, `ws://localhost:${port}`]),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  server.on('upgrade', (request, socket, head) => {
    const reject = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    socket.on('error', () => socket.destroy());
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://localhost');
    } catch {
      return reject(400, 'Bad Request');
    }
    if (!isAllowedHost(request) || !isAllowedOrigin(request.headers.origin)) return reject(403, 'Forbidden');
    if (url.pathname !== '/api/events') return reject(404, 'Not Found');
    if (!tokens.isSession(url.searchParams.get('token'))) return reject(401, 'Unauthorized');
    eventServer.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => ws.terminate());
      // The socket only carries events to the UI; anything the UI sends on it is ignored.
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, BIND_ADDRESS, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${BIND_ADDRESS}:${port}`;

  return {
    launchUrl: `${origin}/#launch=${tokens.launchToken}`,
    origin,
    port,
    broadcast(event, payload) {
      const text = JSON.stringify({ event, payload });
      for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      eventServer.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A malformed escape (`%E0%A4%A`) is the client's mistake: undefined, so the caller answers 400, not 500. */
function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(text);
}

type JsonBody = { ok: true; value: unknown } | { ok: false; error: string };

async function readJson(request: IncomingMessage): Promise<JsonBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) return { ok: false, error: 'request body too large' };
    chunks.push(chunk);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') };
  } catch {
    return { ok: false, error: 'request body is not valid JSON' };
  }
}
