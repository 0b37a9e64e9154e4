import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openSettingsStore, type SettingsStore } from '../store/settings-store.ts';
import { BodyStore } from './bodies/body-store.ts';
import type { EmitEvent } from './events.ts';
import { createHttpClient, type HttpClient } from './http/http-client.ts';

export interface EngineOptions {
  /** Where settings, history, workspaces and response blobs live. */
  dataDir: string;
  emit: EmitEvent;
}

/** Everything the hosts and the CLI drive. Plain Node: it never imports `electron`. */
export interface Engine {
  dataDir: string;
  http: HttpClient;
  bodies: BodyStore;
  settings: SettingsStore;
  close(): Promise<void>;
}

export async function createEngine(options: EngineOptions): Promise<Engine> {
  await mkdir(options.dataDir, { recursive: true });
  const bodies = new BodyStore(join(options.dataDir, 'blobs'));
  await bodies.init();
  const settings = await openSettingsStore(options.dataDir);
  const http = createHttpClient({ bodies, settings: () => settings.get(), emit: options.emit });
  let closing: Promise<void> | undefined;
  return {
    dataDir: options.dataDir,
    http,
    bodies,
    settings,
    // Idempotent: a host may close on several signals, and undici throws when closed twice.
    close() {
      closing ??= (async () => {
        await http.close();
        await bodies.close();
      })();
      return closing;
    },
  };
}
