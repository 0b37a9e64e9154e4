import { stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import type { WorkspaceSummary } from '../../../shared/model/workspace.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { Workspace, type WriteFile } from './workspace.ts';
import { WorkspaceRegistry } from './workspace-registry.ts';

export interface WorkspaceServiceOptions {
  dataDir: string;
  secrets: SecretStore;
  /** Files changed on disk under the open workspace (relative paths; "" means anything may have). */
  onChange: (root: string, paths: string[]) => void;
  writeFile?: WriteFile;
  watch?: boolean;
}

export interface WorkspaceList {
  current: WorkspaceSummary;
  recent: WorkspaceSummary[];
}

/**
 * The workspace the UI is working in: the last one opened, else `<data dir>/workspaces/default`.
 * Opened lazily on first use, so starting the engine (or a test that never touches workspaces)
 * costs nothing; switching closes the previous one's watcher.
 */
export class WorkspaceService {
  private readonly options: WorkspaceServiceOptions;
  private readonly registry: WorkspaceRegistry;
  private opened: Promise<Workspace> | undefined;
  /** currentRoot() before the workspace is opened: what current() will open. */
  private rootToOpen: Promise<string> | undefined;

  constructor(options: WorkspaceServiceOptions) {
    this.options = options;
    this.registry = new WorkspaceRegistry(options.dataDir);
  }

  get defaultRoot(): string {
    return join(this.options.dataDir, 'workspaces', 'default');
  }

  current(): Promise<Workspace> {
    this.opened ??= (async () => {
      const registry = await this.registry.get();
      const root = registry.current ?? this.defaultRoot;
      try {
        return await this.openRoot(root);
      } catch {
        // The last workspace was deleted or unplugged: fall back to the default one.
        return this.openRoot(this.defaultRoot);
      }
    })();
    const opening = this.opened;
    opening.catch(() => {
      if (this.opened === opening) this.opened = undefined;
    });
    return opening;
  }

  /**
   * The root of the workspace the UI is working in, without opening it if nothing has yet (a send
   * that reads no workspace file needs only to know which workspace's cookie jar it uses).
   */
  async currentRoot(): Promise<string> {
    // A workspace that cannot be opened at all must not stop sends: they use the default one's jar.
    if (this.opened) return (await this.current().catch(() => undefined))?.root ?? this.defaultRoot;
    this.rootToOpen ??= (async () => {
      const remembered = (await this.registry.get()).current;
      // As current() does: a workspace that is gone means the default one.
      const found = remembered === undefined ? undefined : await stat(remembered).catch(() => undefined);
      return remembered !== undefined && found?.isDirectory() ? remembered : this.defaultRoot;
    })();
    return this.rootToOpen;
  }

  /** Opens (creating it if missing) and switches to the workspace at an absolute path. */
  async open(path: string): Promise<Workspace> {
    if (!isAbsolute(path)) throw new ShuttleFailure('VALIDATION', 'A workspace is opened by its absolute path', { path });
    const previous = this.opened;
    const next = this.openRoot(resolve(path));
    const workspace = await next;
    this.opened = next;
    this.rootToOpen = undefined;
    if (previous) await (await previous.catch(() => undefined))?.close();
    await this.registry.update((document) => {
      document.current = workspace.root;
      document.recent = [workspace.root, ...document.recent.filter((entry) => entry !== workspace.root)];
    });
    return workspace;
  }

  async list(): Promise<WorkspaceList> {
    const workspace = await this.current();
    const registry = await this.registry.get();
    const recent = [workspace.root, ...registry.recent.filter((root) => root !== workspace.root)];
    return { current: summary(workspace.root), recent: recent.map(summary) };
  }

  async selectedEnvironment(collection: string): Promise<string | undefined> {
    const workspace = await this.current();
    const byCollection = (await this.registry.get()).selectedEnvironments[workspace.root];
    return byCollection && Object.hasOwn(byCollection, collection) ? byCollection[collection] : undefined;
  }

  async selectedEnvironments(): Promise<Record<string, string>> {
    const workspace = await this.current();
    return { ...(await this.registry.get()).selectedEnvironments[workspace.root] };
  }

  async selectEnvironment(collection: string, name: string | null): Promise<void> {
    const workspace = await this.current();
    await this.registry.update((document) => {
      const byCollection = Object.hasOwn(document.selectedEnvironments, workspace.root) ? document.selectedEnvironments[workspace.root]! : {};
      // Defined, not assigned: a collection may be called "__proto__".
      if (name === null) delete byCollection[collection];
      else Object.defineProperty(byCollection, collection, { value: name, enumerable: true, writable: true, configurable: true });
      Object.defineProperty(document.selectedEnvironments, workspace.root, { value: byCollection, enumerable: true, writable: true, configurable: true });
    });
  }

  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = undefined;
    await (await opened?.catch(() => undefined))?.close();
  }

  private openRoot(root: string): Promise<Workspace> {
    return Workspace.open({
      root,
      dataDir: this.options.dataDir,
      secrets: this.options.secrets,
      writeFile: this.options.writeFile,
      watch: this.options.watch,
      onChange: (paths, realRoot) => this.options.onChange(realRoot, paths),
    });
  }
}

function summary(root: string): WorkspaceSummary {
  return { root, name: root.split(/[\\/]/).filter(Boolean).pop() ?? root };
}
