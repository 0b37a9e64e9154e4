// The Electron entry wired to a fake `electron` module and a real engine: what the app does from
// start to quit, short of Chromium itself (the smoke test in test/electron covers that where a
// binary exists).
import { mkdir, readdir, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Result } from '../../../../shared/contract/errors.ts';
import { httpSpec, startFixture } from '../../helpers/engine.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { waitFor } from '../../helpers/wait-for.ts';
import { APP_PAGE, createFakeElectron, FakeFrame, FakeSafeStorage, FakeWebContents } from './fake-electron.ts';

type FakeElectron = ReturnType<typeof createFakeElectron>;

/** Imports main.ts afresh against a fake electron, as `electron .` would run the bundle. */
async function launch(options: { withRendererBuild?: boolean; gotSingleInstanceLock?: boolean; safeStorage?: FakeSafeStorage } = {}) {
  const appPath = await tempDir();
  if (options.withRendererBuild ?? true) {
    await mkdir(join(appPath, 'dist', 'renderer'), { recursive: true });
    await writeFile(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Shuttle</title>');
  }
  const dataDir = await tempDir();
  vi.stubEnv('SHUTTLE_DATA_DIR', dataDir);
  const electron = createFakeElectron({ appPath, gotSingleInstanceLock: options.gotSingleInstanceLock ?? true, safeStorage: options.safeStorage });
  vi.resetModules();
  vi.doMock('electron', () => electron.module);
  onTestFinished(async () => {
    await quit(electron);
    vi.doUnmock('electron');
    vi.unstubAllEnvs();
  });
  await import('../../../../main/hosts/electron/main.ts');
  return { electron, appPath, dataDir };
}

/** Launches and waits until the first window exists (start-up has finished). */
async function launchUntilWindow(options: { safeStorage?: FakeSafeStorage } = {}) {
  const launched = await launch(options);
  await waitFor(() => launched.electron.windows.length > 0, 5_000, 'the first window');
  return launched;
}

/** Quits the way Electron does: `will-quit` until nobody prevents it. Returns whether it was held back once. */
async function quit({ module: { app } }: FakeElectron): Promise<boolean> {
  let prevented = false;
  const quitCalls = app.quit.mock.calls.length;
  app.emit('will-quit', { preventDefault: () => (prevented = true) });
  if (!prevented) return false;
  await waitFor(() => app.quit.mock.calls.length > quitCalls, 5_000, 'app.quit() after the engine closed');
  return true;
}

/** Keeps a console method quiet for one test (the host logs refusals and start-up failures). */
function silence(method: 'warn' | 'error'): void {
  const spy = vi.spyOn(console, method).mockImplementation(() => undefined);
  onTestFinished(() => spy.mockRestore());
}

function invoke(electron: FakeElectron, frame: FakeFrame | null, command: string, payload: unknown): Promise<Result<unknown>> {
  return electron.module.ipcMain.invoke('shuttle:invoke', frame, command, payload) as Promise<Result<unknown>>;
}

describe('Electron host start-up', () => {
  it('before ready: registers app:// as a standard secure scheme, sandboxes every renderer, keeps Chromium data in the data dir', async () => {
    const { electron, dataDir } = await launchUntilWindow();
    const { app, protocol } = electron.module;

    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(app.paths.get('userData')).toBe(dataDir);
    expect(app.paths.get('sessionData')).toBe(join(dataDir, 'chromium'));
  });

  it('opens one window on the app origin with the secure options and the bundled preload', async () => {
    const { electron, appPath } = await launchUntilWindow();
    const [window] = electron.windows;

    expect(electron.windows).toHaveLength(1);
    expect(window?.loadedUrl).toBe('app://shuttle/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      preload: join(appPath, 'dist', 'main', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('serves the renderer build on app:// with the CSP', async () => {
    const { electron } = await launchUntilWindow();

    const response = await electron.protocolHandlers.get('app')!(new Request('app://shuttle/'));

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Shuttle</title>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('carries commands from the app page to the engine, in the chosen data dir', async () => {
    const { electron, dataDir } = await launchUntilWindow();

    const result = await invoke(electron, new FakeFrame(APP_PAGE), 'app.info', {});

    expect(result).toMatchObject({ ok: true, value: { host: 'electron', dataDir } });
  });

  it('refuses commands from a frame inside the app page', async () => {
    const { electron } = await launchUntilWindow();
    silence('warn');

    const result = await invoke(electron, new FakeFrame('app://shuttle/preview', new FakeFrame(APP_PAGE)), 'app.info', {});

    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('sends a request to a loopback server and pushes its progress events to the window', async () => {
    const fixture = await startFixture();
    const { electron } = await launchUntilWindow();

    const result = await invoke(electron, new FakeFrame(APP_PAGE), 'http.send', { runId: 'run-1', request: httpSpec(`${fixture.url}/json`) });

    expect(result).toMatchObject({ ok: true, value: { runId: 'run-1', status: 200 } });
    const events = electron.windows[0]!.webContents.sent;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every(({ channel }) => channel === 'shuttle:event')).toBe(true);
    expect(events[0]?.message).toMatchObject({ event: 'http.progress', payload: { runId: 'run-1' } });
  });

  it('guards every webContents Electron creates: navigation stays on the app origin, permissions are refused', async () => {
    const { electron } = await launchUntilWindow();
    const contents = new FakeWebContents();

    electron.module.app.emit('web-contents-created', {}, contents);

    expect(contents.attempt('will-navigate', 'https://evil.example/')).toEqual({ prevented: true });
    expect(contents.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(electron.module.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/');
    await expect(contents.session.request('media')).resolves.toBe(false);
    await expect(electron.module.session.defaultSession.request('geolocation')).resolves.toBe(false);
  });

  it('focuses the open window when Shuttle is started a second time', async () => {
    const { electron } = await launchUntilWindow();

    electron.module.app.emit('second-instance');

    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]?.focused).toBe(true);
  });

  it('holds the quit back until the engine has closed, then quits', async () => {
    const { electron } = await launchUntilWindow();

    expect(await quit(electron)).toBe(true);
    // The second round is not held back: the app really exits.
    expect(await quit(electron)).toBe(false);
  });
});

describe('Electron host: secrets', () => {
  const CANARY = 'CANARY-electron-secret';

  /** Saves an environment with one secret variable through IPC, as the environment editor does. */
  async function saveSecret(electron: FakeElectron) {
    const app = new FakeFrame(APP_PAGE);
    expect(await invoke(electron, app, 'workspace.createCollection', { name: 'Shop' })).toMatchObject({ ok: true });
    const saved = await invoke(electron, app, 'environments.save', {
      collection: 'Shop',
      environment: { name: 'local', variables: [{ name: 'token', value: CANARY, enabled: true, secret: true }] },
    });
    expect(saved).toMatchObject({ ok: true });
  }

  /** Every file under the data dir that holds the canary in plain text. */
  async function filesWithCanary(dataDir: string): Promise<string[]> {
    const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
    const holding = await Promise.all(files.map(async (file) => ((await readFile(file)).includes(CANARY) ? [file] : [])));
    return holding.flat();
  }

  it('encrypts secret values with safeStorage where the system has a keychain, and says so', async () => {
    const { electron, dataDir } = await launchUntilWindow();

    await saveSecret(electron);

    expect(await invoke(electron, new FakeFrame(APP_PAGE), 'secrets.status', {})).toEqual({ ok: true, value: { protection: 'os-encryption' } });
    expect(await filesWithCanary(dataDir)).toEqual([]);
    expect(JSON.parse(await readFile(join(dataDir, 'secrets.encrypted.json'), 'utf8'))).toMatchObject({ encryption: 'electron-safe-storage' });
  });

  it('keeps them in the plain 0600 file where there is no keyring, and says why', async () => {
    const { electron, dataDir } = await launchUntilWindow({ safeStorage: new FakeSafeStorage({ available: false }) });

    await saveSecret(electron);

    expect(await invoke(electron, new FakeFrame(APP_PAGE), 'secrets.status', {})).toEqual({
      ok: true,
      value: { protection: 'plain-file', plainReason: 'no-keyring' },
    });
    expect(await filesWithCanary(dataDir)).toEqual([join(dataDir, 'secrets.json')]);
  });
});

describe('Electron host: reveal in the file manager', () => {
  /** A collection with a folder and a request, made through IPC; returns the workspace's real root. */
  async function seedWorkspace(electron: FakeElectron, dataDir: string): Promise<string> {
    const app = new FakeFrame(APP_PAGE);
    await invoke(electron, app, 'workspace.createCollection', { name: 'Shop' });
    await invoke(electron, app, 'workspace.createFolder', { parent: 'Shop', name: 'Orders' });
    const saved = await invoke(electron, app, 'workspace.saveRequest', {
      parent: 'Shop/Orders',
      name: 'List orders',
      request: { kind: 'http', spec: httpSpec('http://127.0.0.1:1/orders') },
    });
    expect(saved).toMatchObject({ ok: true, value: { path: 'Shop/Orders/List orders.yaml' } });
    return realpath(join(dataDir, 'workspaces', 'default'));
  }

  it('shows a collection, folder or request of the open workspace with shell.showItemInFolder', async () => {
    const { electron, dataDir } = await launchUntilWindow();
    const root = await seedWorkspace(electron, dataDir);
    const { showItemInFolder } = electron.module.shell;

    for (const path of ['Shop', 'Shop/Orders', 'Shop/Orders/List orders.yaml']) {
      expect(await invoke(electron, new FakeFrame(APP_PAGE), 'workspace.reveal', { path })).toEqual({ ok: true, value: { revealed: true } });
    }

    expect(showItemInFolder.mock.calls).toEqual([[join(root, 'Shop')], [join(root, 'Shop', 'Orders')], [join(root, 'Shop', 'Orders', 'List orders.yaml')]]);
  });

  it('refuses anything outside the workspace: traversal, absolute paths, links leading out, missing items, other frames', async () => {
    silence('warn');
    const { electron, dataDir } = await launchUntilWindow();
    const root = await seedWorkspace(electron, dataDir);
    const outside = await realpath(await tempDir());
    await symlink(outside, join(root, 'Shop', 'Escape'));
    await symlink(join(outside, 'x'), join(root, 'Shop', 'Orders', 'Dangling.yaml'));
    const app = new FakeFrame(APP_PAGE);

    const outcomes = {
      traversal: await invoke(electron, app, 'workspace.reveal', { path: 'Shop/../../..' }),
      absolute: await invoke(electron, app, 'workspace.reveal', { path: outside }),
      backslashes: await invoke(electron, app, 'workspace.reveal', { path: 'Shop\\..\\..' }),
      linkOut: await invoke(electron, app, 'workspace.reveal', { path: 'Shop/Escape' }),
      throughLink: await invoke(electron, app, 'workspace.reveal', { path: 'Shop/Escape/x' }),
      danglingLink: await invoke(electron, app, 'workspace.reveal', { path: 'Shop/Orders/Dangling.yaml' }),
      missing: await invoke(electron, app, 'workspace.reveal', { path: 'Shop/Nothing here.yaml' }),
      notAString: await invoke(electron, app, 'workspace.reveal', { path: ['Shop'] }),
      fromASubframe: await invoke(electron, new FakeFrame(APP_PAGE, app), 'workspace.reveal', { path: 'Shop' }),
    };

    expect(outcomes).toMatchObject({
      traversal: { ok: false, error: { code: 'VALIDATION' } },
      absolute: { ok: false, error: { code: 'VALIDATION' } },
      backslashes: { ok: false, error: { code: 'VALIDATION' } },
      linkOut: { ok: false, error: { code: 'VALIDATION' } },
      throughLink: { ok: false, error: { code: 'VALIDATION' } },
      danglingLink: { ok: false, error: { code: 'VALIDATION' } },
      missing: { ok: false, error: { code: 'NOT_FOUND' } },
      notAString: { ok: false, error: { code: 'VALIDATION' } },
      fromASubframe: { ok: false, error: { code: 'UNAUTHORIZED' } },
    });
    expect(electron.module.shell.showItemInFolder).not.toHaveBeenCalled();
  });
});

describe('Electron host when it cannot run', () => {
  it('quits at once, without a window, when another instance already uses the same data dir', async () => {
    const { electron } = await launch({ gotSingleInstanceLock: false });

    expect(electron.module.app.quit).toHaveBeenCalled();
    expect(electron.module.app.whenReady).not.toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
  });

  it('says in a dialog that the UI is not built, instead of showing a blank window', async () => {
    silence('error');
    const { electron } = await launch({ withRendererBuild: false });

    await waitFor(() => electron.module.app.exit.mock.calls.length > 0, 5_000, 'app.exit()');
    expect(electron.module.app.exit).toHaveBeenCalledWith(1);
    expect(electron.module.dialog.showErrorBox).toHaveBeenCalledWith('Shuttle could not start', expect.stringContaining('npm run build'));
    expect(electron.windows).toHaveLength(0);
  });
});
