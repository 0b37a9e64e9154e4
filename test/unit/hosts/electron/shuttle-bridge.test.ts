import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createShuttleBridge } from '../../../../main/hosts/electron/shuttle-bridge.ts';

/** ipcRenderer as the preload sees it: listeners get (IpcRendererEvent, ...args). */
class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'pong' }));
  /** The main process sending `message` on `channel`. */
  deliver(channel: string, message: unknown) {
    const ipcRendererEvent = { sender: this, senderId: 0, ports: [] };
    this.emit(channel, ipcRendererEvent, message);
  }
}

function bridge() {
  const ipc = new FakeIpcRenderer();
  return { ipc, shuttle: createShuttleBridge(ipc as unknown as Parameters<typeof createShuttleBridge>[0]) };
}

describe('window.shuttle (what the preload exposes)', () => {
  it('has exactly two functions: invoke and onEvent', () => {
    const { shuttle } = bridge();

    expect(Object.keys(shuttle).sort()).toEqual(['invoke', 'onEvent']);
    expect(typeof shuttle.invoke).toBe('function');
    expect(typeof shuttle.onEvent).toBe('function');
  });

  it('invoke sends the command and payload on the fixed invoke channel and returns the Result', async () => {
    const { ipc, shuttle } = bridge();

    await expect(shuttle.invoke('app.info', { a: 1 })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith('shuttle:invoke', 'app.info', { a: 1 });
  });

  it('invoke turns a failure to send (e.g. an uncloneable payload) into an error Result instead of a rejection', async () => {
    const { ipc, shuttle } = bridge();
    ipc.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));

    await expect(shuttle.invoke('http.send', { f: () => 1 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'An object could not be cloned.' },
    });
  });

  it('onEvent hands the listener the message only, never the IpcRendererEvent (whose sender is ipcRenderer)', () => {
    const { ipc, shuttle } = bridge();
    const listener = vi.fn();
    shuttle.onEvent(listener);

    const message = { event: 'http.progress', payload: { runId: 'r', phase: 'waiting', receivedBytes: 0 } };
    ipc.deliver('shuttle:event', message);

    expect(listener.mock.calls).toEqual([[message]]);
  });

  it('onEvent listens to the event channel only, and stops when unsubscribed', () => {
    const { ipc, shuttle } = bridge();
    const listener = vi.fn();
    const unsubscribe = shuttle.onEvent(listener);

    ipc.deliver('some-other-channel', { event: 'x', payload: null });
    expect(listener).not.toHaveBeenCalled();

    unsubscribe();
    ipc.deliver('shuttle:event', { event: 'http.progress', payload: {} });
    expect(listener).not.toHaveBeenCalled();
    expect(ipc.listenerCount('shuttle:event')).toBe(0);
  });
});
