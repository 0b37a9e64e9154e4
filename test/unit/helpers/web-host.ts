import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { EmitEvent } from '../../../main/engine/events.ts';
import { startWebHost, type WebHost } from '../../../main/hosts/web/web-host.ts';
import { startTestEngine, type TestEngine } from './engine.ts';
import { rawRequest, type RawResponse } from './http-request.ts';
import { tempDir } from './temp-dir.ts';

export const INDEX_HTML = '<!doctype html><html><head><title>Shuttle</title></head><body><div id="root"></div></body></html>';
export const APP_JS = 'console.log("shuttle");';

export interface TestWebHost {
  host: WebHost;
  engine: TestEngine;
  /** The renderer build the host serves; a sibling of it holds `secret.txt` to aim traversal at. */
  staticDir: string;
  secretFile: string;
  launchToken: string;
}

/** The real web host over a real engine, serving a temp renderer build, closed when the test ends. */
export async function startTestWebHost(): Promise<TestWebHost> {
  const root = await tempDir();
  const staticDir = join(root, 'renderer');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), INDEX_HTML);
  await writeFile(join(staticDir, 'assets', 'app.js'), APP_JS);
  const secretFile = join(root, 'secret.txt');
  await writeFile(secretFile, 'CANARY-SECRET-outside-the-build');

  // Wired as serve.ts does: the engine exists before the host that forwards its events.
  const events: { broadcast?: EmitEvent } = {};
  const engine = await startTestEngine({ dataDir: join(root, 'data'), onEvent: (event, payload) => events.broadcast?.(event, payload) });
  const host = await startWebHost({ router: engine.router, staticDir });
  events.broadcast = host.broadcast;
  onTestFinished(() => host.close());
  const launchToken = new URL(host.launchUrl).hash.match(/^#launch=(.+)$/)?.[1];
  if (!launchToken) throw new Error(`No launch token in ${host.launchUrl}`);
  return { host, engine, staticDir, secretFile, launchToken };
}

/** POST a JSON body as the UI does (Host as the browser would send it for the served origin). */
export function postJson(port: number, path: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest({
    port,
    path,
    method: 'POST',
    headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Trades the launch token for a session token, as the UI does once on start. */
export async function exchangeLaunchToken(port: number, launchToken: string): Promise<string> {
  const response = await postJson(port, '/api/session', { launchToken });
  if (response.status !== 200) throw new Error(`Session exchange failed with ${response.status}: ${response.body}`);
  return (JSON.parse(response.body) as { sessionToken: string }).sessionToken;
}
