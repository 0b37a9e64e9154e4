import { describe, expect, it, vi } from 'vitest';

interface FakeWindow {
  shown: boolean;
  loadedUrl?: string;
  emit(event: string): void;
}

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class BrowserWindow extends Emitter {
    options: unknown;
    shown = false;
    loadedUrl: string | undefined;
    constructor(options: unknown) {
      super();
      this.options = options;
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
  }
  return { BrowserWindow };
});

const { createMainWindow, mainWindowOptions, WINDOW_BACKGROUND } = await import('../../../../main/hosts/electron/window.ts');

describe('the Shuttle window', () => {
  it('treats the page as untrusted web content: isolated, sandboxed, no Node, same-origin policy on', () => {
    const { webPreferences } = mainWindowOptions({ preloadPath: '/app/dist/main/preload.cjs', dark: false });

    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist/main/preload.cjs',
    });
  });

  it('opens at a usable size with the theme colour behind the first paint', () => {
    const light = mainWindowOptions({ preloadPath: 'p', dark: false });
    const dark = mainWindowOptions({ preloadPath: 'p', dark: true });

    expect(light).toMatchObject({ width: 1280, height: 800, minWidth: 900, minHeight: 600, title: 'Shuttle', show: false });
    expect(light.backgroundColor).toBe(WINDOW_BACKGROUND.light);
    expect(dark.backgroundColor).toBe(WINDOW_BACKGROUND.dark);
  });

  it('loads the app origin and appears only once its first frame is ready', () => {
    const window = createMainWindow({ preloadPath: 'p', dark: false }) as unknown as FakeWindow;

    expect(window.loadedUrl).toBe('app://shuttle/index.html');
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });
});
