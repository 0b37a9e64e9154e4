// The Electron host's entry (bundled to dist/main/electron-main.cjs): wires the engine, the IPC
// bridge, the app:// protocol and the window together. Everything it wires lives in its own file.
import { app, BrowserWindow, dialog, nativeTheme, protocol, safeStorage, session, shell, webContents } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type Engine } from '../../engine/engine.ts';
import { createHandlers } from '../../rpc/handlers.ts';
import { createRouter } from '../../rpc/router.ts';
import { resolveDataDir } from '../../store/data-dir.ts';
import { APP_SCHEME } from './app-origin.ts';
import { dataDirArgument } from './command-line.ts';
import { openExternalLink } from './external-links.ts';
import { broadcastEvent, registerIpcBridge } from './ipc-bridge.ts';
import { installApplicationMenu } from './menu.ts';
import { restrictPermissions } from './permissions.ts';
import { createAppProtocolHandler } from './protocol.ts';
import { createDesktopSecretStore } from './secret-storage.ts';
import { guardWebContents } from './web-contents-guard.ts';
import { createMainWindow } from './window.ts';

// Must happen before `ready`: gives app:// a real, secure origin (CSP 'self', fetch, storage).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();
app.setName('Shuttle');

// Chromium's own files and the single-instance lock follow the data dir, so two data dirs
// (a test's temporary one, say) are two independent instances.
const dataDir = resolveDataDir(dataDirArgument(process.argv));
app.setPath('userData', dataDir);
app.setPath('sessionData', join(dataDir, 'chromium'));

/** Set once start-up has finished; until then there is no window to open or focus. */
let engine: Engine | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, openExternalLink);
    restrictPermissions(contents.session);
  });
  app.on('second-instance', () => focusOrOpenWindow());
  app.whenReady().then(start).catch(fatal);
}

async function start(): Promise<void> {
  restrictPermissions(session.defaultSession);
  const rendererDir = join(app.getAppPath(), 'dist', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('The UI is not built yet: run `npm run build` first.');
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));

  const started = await createEngine({
    dataDir,
    secrets: await createDesktopSecretStore(dataDir, safeStorage),
    emit: (event, payload) => broadcastEvent(webContents.getAllWebContents(), { event, payload }),
  });
  // workspace.reveal hands the file manager only real paths inside the open workspace (checked in the engine).
  registerIpcBridge(createRouter(createHandlers(started, 'electron', { showInFileManager: (path) => shell.showItemInFolder(path) })));
  closeEngineOnQuit(started);
  installApplicationMenu({ isMac: process.platform === 'darwin', isDevelopment: !app.isPackaged });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => focusOrOpenWindow());
  engine = started;
  focusOrOpenWindow();
}

function focusOrOpenWindow(): void {
  if (!engine) return;
  const [window] = BrowserWindow.getAllWindows();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
    return;
  }
  const theme = engine.settings.get().theme;
  createMainWindow({
    preloadPath: join(app.getAppPath(), 'dist', 'main', 'preload.cjs'),
    dark: theme === 'system' ? nativeTheme.shouldUseDarkColors : theme === 'dark',
  });
}

/** The engine finishes its writes and closes its connections before the process exits. */
function closeEngineOnQuit(toClose: Engine): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    toClose
      .close()
      .catch((error: unknown) => console.error('[shuttle] closing the engine failed:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Shuttle could not start: ${message}`);
  dialog.showErrorBox('Shuttle could not start', message);
  app.exit(1);
}
