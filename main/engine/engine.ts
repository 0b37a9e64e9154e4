import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createFileSecretStore } from '../store/secrets/file-secret-store.ts';
import type { SecretStore } from '../store/secrets/secret-store.ts';
import { createSessionStore, type SessionStore } from '../store/session-store.ts';
import { openSettingsStore, type SettingsStore } from '../store/settings-store.ts';
import { WorkspaceService } from '../store/workspace/workspace-service.ts';
import { createOAuth2Service, type OAuth2Service } from './auth/oauth2/oauth2-service.ts';
import { BodyStore } from './bodies/body-store.ts';
import { BodyViews } from './bodies/body-views.ts';
import { createWorkspaceCookieJars, type WorkspaceCookieJars } from './cookies/workspace-cookie-jars.ts';
import type { EmitEvent } from './events.ts';
import { openHistory, type History } from './history/history-service.ts';
import { recordSends, type RecordingHttpClient } from './history/record-sends.ts';
import { recordWsSessions, type RecordingWsClient } from './history/record-ws-sessions.ts';
import { createHttpClient } from './http/http-client.ts';
import { readProxyEnvironment } from './http/transport/proxy-for-url.ts';
import { createTransportPool } from './http/transport/transport-pool.ts';
import { createRequestVariables, type RequestVariables } from './vars/request-variables.ts';
import { createWsClient } from './ws/ws-client.ts';

export interface EngineOptions {
  /** Where settings, history, workspaces and response blobs live. */
  dataDir: string;
  emit: EmitEvent;
  /** Where secret variable values live; by default the 0600 file `<data dir>/secrets.json` (the Electron host passes safeStorage). */
  secrets?: SecretStore;
}

/** Everything the hosts and the CLI drive. Plain Node: it never imports `electron`. */
export interface Engine {
  dataDir: string;
  /** Sends HTTP requests; every send that reaches the network is also recorded in history. */
  http: RecordingHttpClient;
  /** WebSocket connections; every session is also recorded in history when it ends. */
  ws: RecordingWsClient;
  bodies: BodyStore;
  /** Line-indexed views of large bodies (raw and pretty), read and searched by range. */
  bodyViews: BodyViews;
  settings: SettingsStore;
  history: History;
  /** The cookie jar of each workspace (`<data dir>/cookies/`): requests send from and store into the open workspace's. */
  cookies: WorkspaceCookieJars;
  /** OAuth 2.0 tokens (in memory) and browser sign-ins. */
  oauth2: OAuth2Service;
  /** The open workspace (collections as files), its environments and the selected ones. */
  workspaces: WorkspaceService;
  /** Variable scopes and inheritance, applied to every send. */
  variables: RequestVariables;
  secrets: SecretStore;
  /** The renderer's journal of open tabs and drafts (`<data dir>/session.json`). */
  session: SessionStore;
  close(): Promise<void>;
}

export async function createEngine(options: EngineOptions): Promise<Engine> {
  await mkdir(options.dataDir, { recursive: true });
  const bodies = new BodyStore(join(options.dataDir, 'blobs'));
  await bodies.init();
  const secrets = options.secrets ?? createFileSecretStore(options.dataDir);
  const settings = await openSettingsStore(options.dataDir, secrets);
  const history = openHistory({ dataDir: options.dataDir, bodies, settings: () => settings.get(), emit: options.emit });
  const workspaces = new WorkspaceService({
    dataDir: options.dataDir,
    secrets,
    onChange: (root, paths) => options.emit('workspace.changed', { root, paths }),
  });
  const cookies = createWorkspaceCookieJars(options.dataDir, () => workspaces.currentRoot());
  // One pool for requests and OAuth token calls: both follow a request's TLS and proxy settings.
  const transports = createTransportPool({
    proxyEnvironment: readProxyEnvironment(process.env),
    hostCertificates: () => settings.get().hostCertificates,
    trustSystemCertificates: () => settings.get().trustSystemCertificates,
  });
  const oauth2 = createOAuth2Service({ dispatcherFor: (url, requestSettings) => transports.dispatcherFor(url, requestSettings), emit: options.emit });
  const http = recordSends(createHttpClient({ bodies, settings: () => settings.get(), emit: options.emit, transports, cookies: () => cookies.current(), oauth2 }), {
    bodies,
    history,
    maxBodyBytes: () => settings.get().historyMaxBodyBytes,
    recording: () => settings.get().historyRecording,
  });
  const ws = recordWsSessions((emit) => createWsClient({ bodies, settings: () => settings.get(), emit, oauth2 }), {
    emit: options.emit,
    history,
    maxBodyBytes: () => settings.get().historyMaxBodyBytes,
    recording: () => settings.get().historyRecording,
  });
  let closing: Promise<void> | undefined;
  return {
    dataDir: options.dataDir,
    http,
    ws,
    bodies,
    bodyViews: new BodyViews(bodies),
    settings,
    history,
    cookies,
    oauth2,
    workspaces,
    variables: createRequestVariables(workspaces),
    secrets,
    session: createSessionStore(options.dataDir),
    // Idempotent: a host may close on several signals, and undici throws when closed twice.
    close() {
      closing ??= (async () => {
        await http.close();
        await ws.close();
        // After http and ws: a send finishing and the sessions ending during shutdown are still written.
        await history.close();
        oauth2.close();
        await transports.close();
        await cookies.flush();
        await workspaces.close();
        await bodies.close();
      })();
      return closing;
    },
  };
}
