/**
 * The only two IPC channels between the renderer and the main process. The preload forwards
 * nothing else, so a compromised page cannot reach any other ipcMain listener.
 */
export const INVOKE_CHANNEL = 'shuttle:invoke';
export const EVENT_CHANNEL = 'shuttle:event';
