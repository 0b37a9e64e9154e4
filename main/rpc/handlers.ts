import type { AppInfo } from '../../shared/contract/commands.ts';
import type { Engine } from '../engine/engine.ts';
import type { CommandHandlers } from './router.ts';

export const APP_VERSION = '0.1.0';

/** The engine behind each command of the contract. */
export function createHandlers(engine: Engine, host: AppInfo['host']): CommandHandlers {
  return {
    'app.info': () => ({ version: APP_VERSION, dataDir: engine.dataDir, host }),
    'http.send': ({ runId, request }) => engine.http.send(runId, request),
    'http.cancel': ({ runId }) => ({ cancelled: engine.http.cancel(runId) }),
    'body.read': ({ bodyId, offset, length }) => engine.bodies.read(bodyId, offset, length),
    'body.release': async ({ bodyId }) => ({ released: await engine.bodies.release(bodyId) }),
    'settings.get': () => engine.settings.get(),
    'settings.update': ({ patch }) => engine.settings.update(patch),
  };
}
