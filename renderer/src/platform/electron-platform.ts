import type { Result } from '../../../shared/contract/errors.ts';
import type { EventMessage } from '../../../shared/contract/events.ts';
import type { Platform } from './platform.ts';

/** The two functions the Electron preload exposes (main/hosts/electron/preload.ts). */
interface ShuttleBridge {
  invoke(command: string, payload: unknown): Promise<Result<unknown>>;
  onEvent(listener: (message: EventMessage) => void): () => void;
}

declare global {
  interface Window {
    shuttle?: ShuttleBridge;
  }
}

export function electronBridge(): ShuttleBridge | undefined {
  return window.shuttle;
}

export function createElectronPlatform(bridge: ShuttleBridge): Platform {
  return {
    kind: 'electron',
    capabilities: { canPickFiles: true, canOpenWindows: true, canRevealFiles: true },
    invoke: (command, payload) => bridge.invoke(command, payload),
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
