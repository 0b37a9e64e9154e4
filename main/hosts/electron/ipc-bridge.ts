import { ipcMain, type IpcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { fail, type Result } from '../../../shared/contract/errors.ts';
import type { Router } from '../../rpc/router.ts';
import { isAppUrl } from './app-origin.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels.ts';

export type IsTrustedSender = (event: IpcMainInvokeEvent) => boolean;

/**
 * Only the app's own top-level page may call the engine. A frame inside it (an HTML response
 * preview, say) or a page that somehow left the app origin is refused. A frame without a parent
 * is the main frame of the webContents that sent the message.
 */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/**
 * The one place that talks to ipcMain: `shuttle:invoke` carries a command name and its payload to
 * the router after the sender is checked. Returns a function that removes the handler.
 */
export function registerIpcBridge(
  router: Router,
  ipc: Pick<IpcMain, 'handle' | 'removeHandler'> = ipcMain,
  isTrusted: IsTrustedSender = isTrustedSender,
): () => void {
  ipc.handle(INVOKE_CHANNEL, async (event, command: unknown, payload: unknown): Promise<Result<unknown>> => {
    if (!isTrusted(event)) {
      console.warn(`[shuttle] refused IPC from ${event.senderFrame?.url ?? 'a frame that no longer exists'}`);
      return fail('UNAUTHORIZED', 'Only the Shuttle window itself may call the engine');
    }
    if (typeof command !== 'string') return fail('VALIDATION', 'The command name must be a string');
    return router.invoke(command, payload);
  });
  return () => ipc.removeHandler(INVOKE_CHANNEL);
}

/** Sends one engine event to every app page (never to a page that is not on the app origin). */
export function broadcastEvent(targets: Iterable<WebContents>, message: { event: string; payload: unknown }): void {
  for (const contents of targets) {
    if (contents.isDestroyed() || !isAppUrl(contents.getURL())) continue;
    contents.send(EVENT_CHANNEL, message);
  }
}
