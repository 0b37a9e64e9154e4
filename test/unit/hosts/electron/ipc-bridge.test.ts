import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ok, type Result } from '../../../../shared/contract/errors.ts';
import type { Router } from '../../../../main/rpc/router.ts';
import { APP_PAGE, FakeFrame, FakeIpcMain, FakeWebContents } from './fake-electron.ts';

// ipc-bridge.ts is the one file that imports ipcMain; the tests hand it a fake instead.
vi.mock('electron', () => ({ ipcMain: {} }));
const { broadcastEvent, registerIpcBridge } = await import('../../../../main/hosts/electron/ipc-bridge.ts');

function bridgeWithRouter() {
  const invoke = vi.fn<Router['invoke']>(async () => ok({ version: 'test' }));
  const ipc = new FakeIpcMain();
  registerIpcBridge({ invoke }, ipc);
  return { ipc, invoke };
}

describe('IPC from the renderer', () => {
  beforeEach(() => {
    // Refusals are logged for whoever investigates; the tests assert the Result instead.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    return () => warn.mockRestore();
  });

  it('reaches the router when it comes from the app page itself', async () => {
    const { ipc, invoke } = bridgeWithRouter();

    const result = await ipc.invoke('shuttle:invoke', new FakeFrame(APP_PAGE), 'app.info', { any: 'payload' });

    expect(result).toEqual({ ok: true, value: { version: 'test' } });
    expect(invoke).toHaveBeenCalledExactlyOnceWith('app.info', { any: 'payload' });
  });

  it('is refused with UNAUTHORIZED from a frame inside the app page, without calling the router', async () => {
    const { ipc, invoke } = bridgeWithRouter();
    const subframe = new FakeFrame(APP_PAGE, new FakeFrame(APP_PAGE));

    const result = (await ipc.invoke('shuttle:invoke', subframe, 'http.send', {})) as Result<unknown>;

    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('is refused from a top-level page on any other origin', async () => {
    const { ipc, invoke } = bridgeWithRouter();

    for (const url of ['https://evil.example/', 'file:///tmp/index.html', 'app://evil/index.html', 'about:blank', 'devtools://devtools/']) {
      const result = await ipc.invoke('shuttle:invoke', new FakeFrame(url), 'app.info', {});
      expect(result, url).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('is refused when the sending frame is already gone', async () => {
    const { ipc, invoke } = bridgeWithRouter();

    expect(await ipc.invoke('shuttle:invoke', null, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('answers VALIDATION when the command name is not a string', async () => {
    const { ipc, invoke } = bridgeWithRouter();

    expect(await ipc.invoke('shuttle:invoke', new FakeFrame(APP_PAGE), { toString: 'app.info' }, {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('listens on the invoke channel only, and can be removed again', () => {
    const ipc = new FakeIpcMain();
    const unregister = registerIpcBridge({ invoke: vi.fn() }, ipc);

    expect([...ipc.handlers.keys()]).toEqual(['shuttle:invoke']);
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('engine events', () => {
  it('go to every live app page on the event channel, and never to a page elsewhere', () => {
    const appPage = new FakeWebContents();
    const closed = new FakeWebContents();
    closed.destroyed = true;
    const foreign = new FakeWebContents('https://evil.example/');
    const message = { event: 'http.progress', payload: { runId: 'r1', phase: 'receiving', receivedBytes: 10 } };

    broadcastEvent([appPage, closed, foreign].map((contents) => contents.asWebContents()), message);

    expect(appPage.sent).toEqual([{ channel: 'shuttle:event', message }]);
    expect(closed.sent).toEqual([]);
    expect(foreign.sent).toEqual([]);
  });
});
