import { createElectronPlatform, electronBridge } from './electron-platform.ts';
import type { Platform } from './platform.ts';
import { createWebPlatform } from './web-platform.ts';

/** Picks the host this page runs in: the Electron bridge when the preload exposed it, else the web host. */
export async function connectPlatform(): Promise<Platform> {
  const bridge = electronBridge();
  return bridge ? createElectronPlatform(bridge) : createWebPlatform();
}
