import { describe, expect, it, vi } from 'vitest';
import { ShuttleFailure } from '../../../../shared/contract/errors.ts';
import { DEFAULT_SETTINGS } from '../../../../shared/model/settings.ts';
import { createRouter, type CommandHandlers } from '../../../../main/rpc/router.ts';
import { historyHandlerSpies } from '../../helpers/history-handler-spies.ts';
import { transportHandlerSpies } from '../../helpers/transport-handler-spies.ts';
import { workspaceHandlerSpies } from '../../helpers/workspace-handler-spies.ts';

const validRequest = { method: 'GET', url: 'http://127.0.0.1:1/', headers: [], body: { mode: 'none', text: '' } };

/** Handlers that record their calls; each test overrides the ones it exercises. */
function spyHandlers(overrides: Partial<CommandHandlers> = {}) {
  const handlers = {
    'app.info': vi.fn<CommandHandlers['app.info']>(() => ({ version: 'test', dataDir: '/tmp/x', host: 'web' })),
    'http.send': vi.fn<CommandHandlers['http.send']>(() => {
      throw new Error('http.send should not have been called');
    }),
    'http.cancel': vi.fn<CommandHandlers['http.cancel']>(() => ({ cancelled: false })),
    'http.resolve': vi.fn<CommandHandlers['http.resolve']>(({ request }) => request),
    'body.read': vi.fn<CommandHandlers['body.read']>(() => ({ base64: '', offset: 0, totalSize: 0, eof: true })),
    'body.release': vi.fn<CommandHandlers['body.release']>(() => ({ released: false })),
    'body.view': vi.fn<CommandHandlers['body.view']>(() => ({ lineCount: 0, byteLength: 0, complete: true })),
    'body.lines': vi.fn<CommandHandlers['body.lines']>(() => ({ lines: [] })),
    'body.search': vi.fn<CommandHandlers['body.search']>(() => ({ matches: [], truncated: false })),
    'settings.get': vi.fn<CommandHandlers['settings.get']>(() => DEFAULT_SETTINGS),
    'settings.update': vi.fn<CommandHandlers['settings.update']>(() => DEFAULT_SETTINGS),
    'ws.connect': vi.fn<CommandHandlers['ws.connect']>(() => {
      throw new Error('ws.connect should not have been called');
    }),
    'ws.disconnect': vi.fn<CommandHandlers['ws.disconnect']>(() => ({ disconnected: false })),
    'ws.send': vi.fn<CommandHandlers['ws.send']>(() => ({ seq: 1, size: 0 })),
    ...workspaceHandlerSpies(),
    ...historyHandlerSpies(),
    ...transportHandlerSpies(),
    ...overrides,
  };
  return handlers;
}

function quietRouter(handlers: CommandHandlers) {
  const log = vi.fn<(message: string) => void>();
  return { router: createRouter(handlers, log), log };
}

describe('router', () => {
  it.each(['nope.nothing', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'APP.INFO'])(
    'an unknown command %j is NOT_FOUND',
    async (command) => {
      const handlers = spyHandlers();
      const { router } = quietRouter(handlers);

      const result = await router.invoke(command, {});

      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
    },
  );

  it('a valid call reaches its handler with the validated payload and returns { ok: true, value }', async () => {
    const handlers = spyHandlers();
    const { router } = quietRouter(handlers);

    const result = await router.invoke('http.cancel', { runId: 'r1', extra: 'dropped' });

    expect(result).toEqual({ ok: true, value: { cancelled: false } });
    // Unknown keys never reach the engine.
    expect(handlers['http.cancel']).toHaveBeenCalledWith({ runId: 'r1' });
  });

  it('a command without payload fields accepts a missing payload', async () => {
    const { router } = quietRouter(spyHandlers());
    expect(await router.invoke('app.info', undefined)).toMatchObject({ ok: true, value: { version: 'test' } });
    expect(await router.invoke('app.info', null)).toMatchObject({ ok: true });
  });

  it.each([
    ['http.send without runId', 'http.send', { request: validRequest }],
    ['http.send with an empty runId', 'http.send', { runId: '', request: validRequest }],
    ['http.send with a 100-character method', 'http.send', { runId: 'r', request: { ...validRequest, method: 'X'.repeat(100) } }],
    ['http.send with headers that are not an array', 'http.send', { runId: 'r', request: { ...validRequest, headers: { Accept: '*/*' } } }],
    ['http.send with a header missing "enabled"', 'http.send', { runId: 'r', request: { ...validRequest, headers: [{ name: 'A', value: 'b' }] } }],
    ['http.send with an unknown body mode', 'http.send', { runId: 'r', request: { ...validRequest, body: { mode: 'file', text: '/etc/passwd' } } }],
    ['http.send with a negative timeout', 'http.send', { runId: 'r', request: { ...validRequest, timeoutMs: -1 } }],
    ['http.send with a string payload', 'http.send', 'GET http://127.0.0.1/'],
    ['http.cancel with a numeric runId', 'http.cancel', { runId: 42 }],
    ['body.read with a negative offset', 'body.read', { bodyId: 'b', offset: -1, length: 10 }],
    ['body.read of more than 8 MiB at once', 'body.read', { bodyId: 'b', offset: 0, length: 8 * 1024 * 1024 + 1 }],
    ['settings.update with a theme that does not exist', 'settings.update', { patch: { theme: 'neon' } }],
    ['settings.update with a cap below 1 KiB', 'settings.update', { patch: { maxResponseBytes: 1 } }],
  ])('%s is VALIDATION and the handler is never called', async (_what, command, payload) => {
    const handlers = spyHandlers();
    const { router } = quietRouter(handlers);

    const result = await router.invoke(command, payload);

    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', detail: { command } } });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('a ShuttleFailure from a handler becomes { ok: false, error } with its code, message and detail', async () => {
    const { router, log } = quietRouter(
      spyHandlers({
        'http.send': () => {
          throw new ShuttleFailure('REFUSED', 'connect ECONNREFUSED 127.0.0.1:1', { host: '127.0.0.1', port: 1 });
        },
      }),
    );

    const result = await router.invoke('http.send', { runId: 'r', request: validRequest });

    expect(result).toEqual({
      ok: false,
      error: { code: 'REFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1', detail: { host: '127.0.0.1', port: 1 } },
    });
    // An expected failure is not an incident.
    expect(log).not.toHaveBeenCalled();
  });

  it('a rejected promise with a ShuttleFailure is handled the same way', async () => {
    const { router } = quietRouter(
      spyHandlers({ 'body.read': () => Promise.reject(new ShuttleFailure('NOT_FOUND', 'gone')) }),
    );

    expect(await router.invoke('body.read', { bodyId: 'b', offset: 0, length: 1 })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'gone' },
    });
  });

  it('a plain Error from a handler becomes INTERNAL, is logged, and the router keeps working', async () => {
    let calls = 0;
    const { router, log } = quietRouter(
      spyHandlers({
        'settings.get': () => {
          calls += 1;
          if (calls === 1) throw new TypeError('cannot read properties of undefined');
          return DEFAULT_SETTINGS;
        },
        'http.cancel': () => {
          throw 'a thrown string';
        },
      }),
    );

    expect(await router.invoke('settings.get', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'cannot read properties of undefined' },
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('settings.get failed'));
    expect(await router.invoke('http.cancel', { runId: 'r' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await router.invoke('settings.get', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });
});
