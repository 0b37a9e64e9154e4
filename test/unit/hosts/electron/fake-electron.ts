// Small stand-ins for the Electron objects the host's glue touches. Electron itself cannot load
// in a unit test (there is no binary here), so the glue takes these instead, or gets them through
// vi.mock('electron'). Each fake records what a test needs to assert and nothing more.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent, SafeStorage, Session, WebContents } from 'electron';
import { vi } from 'vitest';

export const APP_PAGE = 'app://shuttle/index.html';

export class FakeFrame {
  url: string;
  parent: FakeFrame | null;
  constructor(url: string, parent: FakeFrame | null = null) {
    this.url = url;
    this.parent = parent;
  }
}

export class FakeSession {
  requestHandler?: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
  checkHandler?: (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
  deviceHandler?: (details: unknown) => boolean;
  setPermissionRequestHandler(handler: FakeSession['requestHandler']) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['checkHandler']) {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['deviceHandler']) {
    this.deviceHandler = handler;
  }
  /** What the page would get when it asks for a permission. */
  request(permission: string): Promise<boolean> {
    return new Promise((resolve) => this.requestHandler?.({}, permission, resolve, { requestingUrl: APP_PAGE }));
  }
  asSession(): Session {
    return this as unknown as Session;
  }
}

export interface NavigationOutcome {
  prevented: boolean;
}

export class FakeWebContents extends EventEmitter {
  url: string;
  destroyed = false;
  readonly session = new FakeSession();
  readonly mainFrame: FakeFrame;
  readonly sent: Array<{ channel: string; message: unknown }> = [];
  windowOpenHandler?: (details: { url: string }) => { action: 'allow' | 'deny' };

  constructor(url = APP_PAGE) {
    super();
    this.url = url;
    this.mainFrame = new FakeFrame(url);
  }
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, message: unknown) {
    this.sent.push({ channel, message });
  }
  isDestroyed() {
    return this.destroyed;
  }
  getURL() {
    return this.url;
  }
  /** Emits a navigation-style event as Electron does (details event first) and reports whether it was blocked. */
  attempt(eventName: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): NavigationOutcome {
    const outcome = { prevented: false };
    const event = { url, preventDefault: () => (outcome.prevented = true) };
    this.emit(eventName, event, url);
    return outcome;
  }
  /** What `window.open(url)` in the page would lead to. */
  open(url: string): { action: 'allow' | 'deny' } | undefined {
    return this.windowOpenHandler?.({ url });
  }
  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

/**
 * safeStorage's asynchronous API over AES-GCM with a key only this instance holds, so another
 * instance is another computer or user account. `backend` is what Linux would report; `available`
 * what isAsyncEncryptionAvailable() answers.
 */
export class FakeSafeStorage {
  available: boolean;
  backend: ReturnType<SafeStorage['getSelectedStorageBackend']>;
  /** Values decrypted from now on are reported as under a rotated key. */
  keyRotated = false;
  encryptCalls = 0;
  private readonly key = randomBytes(32);

  constructor(options: { available?: boolean; backend?: FakeSafeStorage['backend'] } = {}) {
    this.available = options.available ?? true;
    this.backend = options.backend ?? 'gnome_libsecret';
  }
  isAsyncEncryptionAvailable() {
    return Promise.resolve(this.available);
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    this.encryptCalls += 1;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }
  async decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    const decipher = createDecipheriv('aes-256-gcm', this.key, encrypted.subarray(0, 12));
    decipher.setAuthTag(encrypted.subarray(12, 28));
    const result = Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    return { result, shouldReEncrypt: this.keyRotated };
  }
}

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** What `ipcRenderer.invoke(channel, ...args)` from `frame` would get back. */
  async invoke(channel: string, frame: FakeFrame | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(ipcEventFrom(frame), ...args);
  }
}

export function ipcEventFrom(frame: FakeFrame | null): IpcMainInvokeEvent {
  let top = frame;
  while (top?.parent) top = top.parent;
  const sender = new FakeWebContents(top?.url ?? APP_PAGE);
  return { senderFrame: frame, sender, processId: 1, frameId: 1 } as unknown as IpcMainInvokeEvent;
}

/**
 * The parts of the `electron` module main.ts uses, for vi.doMock('electron', …). `ready()` is
 * already resolved: importing main.ts starts the app as `app.whenReady()` would.
 */
export function createFakeElectron(options: { appPath: string; gotSingleInstanceLock?: boolean; darkSystemTheme?: boolean; safeStorage?: FakeSafeStorage }) {
  const windows: FakeBrowserWindow[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();

  class FakeBrowserWindow extends EventEmitter {
    readonly options: Record<string, unknown>;
    readonly webContents: FakeWebContents;
    loadedUrl: string | undefined;
    shown = false;
    focused = false;
    constructor(windowOptions: Record<string, unknown>) {
      super();
      this.options = windowOptions;
      this.webContents = new FakeWebContents();
      windows.push(this);
    }
    static getAllWindows() {
      return [...windows];
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      this.focused = true;
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    paths: new Map<string, string>(),
    enableSandbox: vi.fn(),
    setName: vi.fn(),
    setPath(name: string, value: string) {
      app.paths.set(name, value);
    },
    requestSingleInstanceLock: vi.fn(() => options.gotSingleInstanceLock ?? true),
    whenReady: vi.fn(() => Promise.resolve()),
    getAppPath: () => options.appPath,
    quit: vi.fn(),
    exit: vi.fn(),
  });

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    webContents: { getAllWebContents: () => windows.map((window) => window.webContents) },
    ipcMain: new FakeIpcMain(),
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler)),
    },
    session: { defaultSession: new FakeSession() },
    nativeTheme: { shouldUseDarkColors: options.darkSystemTheme ?? false },
    dialog: { showErrorBox: vi.fn() },
    shell: { openExternal: vi.fn(() => Promise.resolve()), showItemInFolder: vi.fn<(fullPath: string) => void>() },
    safeStorage: options.safeStorage ?? new FakeSafeStorage(),
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => template) },
  };
  return { module, windows, protocolHandlers };
}
