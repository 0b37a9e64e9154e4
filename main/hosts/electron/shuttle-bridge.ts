import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { Result } from '../../../shared/contract/errors.ts';
import type { EventMessage } from '../../../shared/contract/events.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels.ts';

/** What the page sees as `window.shuttle`: exactly these two functions, nothing of Electron. */
export interface ShuttleBridge {
  invoke(command: string, payload: unknown): Promise<Result<unknown>>;
  onEvent(listener: (message: EventMessage) => void): () => void;
}

/**
 * Builds the bridge the preload exposes. Each function is pinned to its fixed channel, and event
 * listeners get only the message: never the IpcRendererEvent, whose `sender` is ipcRenderer itself.
 */
export function createShuttleBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): ShuttleBridge {
  return {
    async invoke(command, payload) {
      try {
        return (await ipc.invoke(INVOKE_CHANNEL, command, payload)) as Result<unknown>;
      } catch (error) {
        // E.g. a payload that cannot be cloned; callers get a Result, as from every other host.
        return { ok: false, error: { code: 'VALIDATION', message: error instanceof Error ? error.message : String(error) } };
      }
    },
    onEvent(listener) {
      if (typeof listener !== 'function') throw new TypeError('onEvent needs a listener function');
      const forward = (_event: IpcRendererEvent, message: EventMessage) => listener(message);
      ipc.on(EVENT_CHANNEL, forward);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, forward);
      };
    },
  };
}
