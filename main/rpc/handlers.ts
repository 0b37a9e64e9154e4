import type { AppInfo } from '../../shared/contract/commands.ts';
import type { Engine } from '../engine/engine.ts';
import { requestAsSent } from '../engine/http/request-as-sent.ts';
import type { CommandHandlers } from './router.ts';
import { createWorkspaceHandlers, type HostFacilities } from './workspace-handlers.ts';

export const APP_VERSION = '0.1.0';

/** The engine behind each command of the contract; `facilities`: what only this host can do (the desktop's file manager). */
export function createHandlers(engine: Engine, host: AppInfo['host'], facilities: HostFacilities = {}): CommandHandlers {
  return {
    'app.info': () => ({ version: APP_VERSION, dataDir: engine.dataDir, host }),
    'http.send': ({ runId, request, source, context }) => {
      const variables = engine.variables.forSend(context);
      return engine.http.send(runId, request, {
        source,
        environment: context?.environment,
        prepare: (spec) => variables.resolveHttp(spec),
        secretValues: () => variables.secretValues(),
      });
    },
    'http.cancel': ({ runId }) => ({ cancelled: engine.http.cancel(runId) }),
    'http.resolve': ({ request, context }) => requestAsSent(request, context, engine),
    'body.read': ({ bodyId, offset, length }) => engine.bodies.read(bodyId, offset, length),
    'body.release': async ({ bodyId }) => {
      await engine.bodyViews.release(bodyId);
      return { released: await engine.bodies.release(bodyId) };
    },
    'body.view': ({ bodyId, variant }) => engine.bodyViews.open(bodyId, variant),
    'body.lines': async ({ bodyId, variant, from, count }) => ({ lines: await engine.bodyViews.lines(bodyId, variant, from, count) }),
    'body.search': ({ bodyId, variant, query, regex, caseSensitive }) => engine.bodyViews.search(bodyId, variant, query, { regex, caseSensitive }),
    'settings.get': () => engine.settings.get(),
    'settings.update': ({ patch }) => engine.settings.update(patch),
    'ws.connect': ({ connectionId, request, source, context }) => {
      const variables = engine.variables.forSend(context);
      return engine.ws.connect(connectionId, request, {
        source,
        environment: context?.environment,
        prepare: (spec) => variables.resolveWs(spec),
        secretValues: () => variables.secretValues(),
      });
    },
    'ws.disconnect': async ({ connectionId, code, reason }) => ({ disconnected: await engine.ws.disconnect(connectionId, code, reason) }),
    'ws.send': ({ connectionId, message }) => engine.ws.send(connectionId, message),
    'cookies.list': async () => (await engine.cookies.current()).list(),
    'cookies.set': async ({ cookie }) => (await engine.cookies.current()).set(cookie),
    'cookies.delete': async ({ domain, path, name }) => ({ deleted: await (await engine.cookies.current()).delete(domain, path, name) }),
    'cookies.clear': async () => ({ cleared: await (await engine.cookies.current()).clear() }),
    'oauth2.token': ({ auth }) => engine.oauth2.cachedToken(auth),
    'oauth2.fetchToken': ({ auth, settings }) => engine.oauth2.fetchToken(auth, settings),
    'oauth2.clearToken': ({ auth }) => ({ cleared: engine.oauth2.clearToken(auth) }),
    'oauth2.authorize': ({ auth, settings, callbackPort }) => engine.oauth2.authorize(auth, settings, callbackPort),
    'oauth2.cancelAuthorization': ({ flowId }) => ({ cancelled: engine.oauth2.cancelAuthorization(flowId) }),
    'history.search': (query) => engine.history.search(query),
    'history.open': ({ id }) => engine.history.open(id),
    'history.delete': ({ ids }) => engine.history.delete(ids),
    'history.clear': () => engine.history.clear(),
    'history.diff': ({ leftId, rightId }) => engine.history.diff(leftId, rightId),
    'history.neighbours': ({ runId }) => engine.history.neighbours(runId),
    'history.status': () => engine.history.status(),
    'history.hosts': () => engine.history.hosts(),
    ...createWorkspaceHandlers(engine, facilities),
  };
}
