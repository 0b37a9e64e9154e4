import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_START_URL } from './app-origin.ts';

/** Painted before the UI's first frame, so the window does not flash white in a dark theme. */
export const WINDOW_BACKGROUND = { light: '#ffffff', dark: '#15171c' } as const;

export interface MainWindowSettings {
  preloadPath: string;
  dark: boolean;
}

/**
 * The options of every Shuttle window. The page is treated as untrusted web content: isolated
 * from the preload, sandboxed, no Node, same-origin policy on, no <webview>.
 */
export function mainWindowOptions({ preloadPath, dark }: MainWindowSettings): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'Shuttle',
    backgroundColor: dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** Opens a window on the app's start page; it appears once its first frame is ready. */
export function createMainWindow(settings: MainWindowSettings): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(settings));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_START_URL);
  return window;
}
