import { lstatSync } from 'node:fs';
import { cp, lstat, mkdir, readdir, realpath, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Document } from 'yaml';
import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import { CLIENT_CERT_SECRETS, unavailableCertificateSecrets, type ClientCertificate, type ClientCertSecret, type RequestSettings } from '../../../shared/model/request.ts';
import type {
  EnvironmentEdit,
  EnvironmentView,
  FolderSettings,
  FolderSettingsEdit,
  InheritedLayerView,
  RequestDocumentView,
  RequestFileComparison,
  SavedRequest,
  VariableDefinition,
  VariableEdit,
  VariableView,
  WorkspaceNode,
  WorkspaceTree,
} from '../../../shared/model/workspace.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import { parseSecretKey, secretKey, type SecretStore } from '../secrets/secret-store.ts';
import { CERTIFICATE_SECRET_NAMES, certificateSecretValues, withCertificateSecrets } from './certificate-secrets.ts';
import {
  decodeEnvironment,
  decodeRequest,
  decodeSettings,
  encodeEnvironment,
  encodeRequest,
  encodeSettings,
  type DecodedRequest,
  type DecodedSettings,
  type SettingsKind,
} from './document-codecs.ts';
import { readDocumentFile, revisionOf, type LoadedDocument } from './document-file.ts';
import { storageFailure } from './fs-errors.ts';
import { SaveQueue } from './save-queue.ts';
import { Trash } from './trash.ts';
import { TreeScanner } from './tree-scanner.ts';
import { watchWorkspace, type WorkspaceWatcher } from './workspace-watcher.ts';
import { stringifyYaml } from './yaml-document.ts';
import {
  absolutePath,
  assertInsideWorkspace,
  baseName,
  checkName,
  COLLECTION_FILE,
  ENVIRONMENTS_DIR,
  FOLDER_FILE,
  isRequestFileName,
  nameOfRequestFile,
  parentPath,
  requestFileName,
  WORKSPACE_FILE,
  YAML_EXTENSION,
} from './workspace-paths.ts';

/** Parsed documents kept in memory for sends (settings, environments, requests); a workspace rarely has more open at once. */
const MAX_CACHED_DOCUMENTS = 2_000;
/** A file known not to exist (a folder without folder.yaml, a workspace without globals). */
const MISSING = Symbol('missing');
/**
 * A cached file checked on disk less than this long ago is used as is. Shuttle's own writes drop
 * their entry at once; an edit from outside is seen on the next check, well before a person could
 * switch windows and send — and a burst of sends stops paying a file-system call each.
 */
const RECHECK_AFTER_MS = 100;
/** Decoded settings per loaded document: decoding (validation) is done once per version of a file. */
const decodedSettingsCache = new WeakMap<LoadedDocument, ReturnType<typeof decodeSettings>>();

/** How a file is replaced on disk; tests pass one that fails like a full or read-only disk. */
export type WriteFile = (path: string, data: string) => Promise<void>;

export interface WorkspaceOptions {
  /** The workspace folder; created if missing. */
  root: string;
  /** App data directory (the trash for undo lives there, outside the workspace). */
  dataDir: string;
  secrets: SecretStore;
  /** Paths (relative) that changed on disk, in batches; "" means "anything may have changed". */
  onChange?: (paths: string[], root: string) => void;
  writeFile?: WriteFile;
  /** Off for one-shot uses (the CLI, benchmarks). */
  watch?: boolean;
}

/** Settings and variables of one scope, decoded, with the secret values looked up. */
export interface ScopeSettings extends DecodedSettings {
  scope: string;
}

/** One open workspace folder: its tree, its files, and the secrets of its variables. */
export class Workspace {
  readonly root: string;
  readonly name: string;
  private readonly options: WorkspaceOptions;
  private readonly scanner: TreeScanner;
  private readonly queue = new SaveQueue();
  private readonly trash: Trash;
  private readonly writeFile: WriteFile;
  private watcher: WorkspaceWatcher | undefined;
  private cachedTree: Promise<WorkspaceTree> | undefined;
  private readonly documents = new Map<string, { document: LoadedDocument | typeof MISSING; checkedAt: number }>();
  private readonly absolutePaths = new Map<string, string>();

  private constructor(realRoot: string, options: WorkspaceOptions) {
    this.root = realRoot;
    this.name = basename(realRoot);
    this.options = options;
    this.scanner = new TreeScanner(realRoot);
    this.trash = new Trash(options.dataDir);
    this.writeFile = options.writeFile ?? ((path, data) => writeFileAtomic(path, data));
  }

  static async open(options: WorkspaceOptions): Promise<Workspace> {
    await mkdir(options.root, { recursive: true });
    const workspace = new Workspace(await realpath(options.root), options);
    if (options.watch !== false) {
      workspace.watcher = watchWorkspace(workspace.root, (paths) => {
        workspace.cachedTree = undefined;
        workspace.documents.clear();
        options.onChange?.(paths, workspace.root);
      });
    }
    return workspace;
  }

  async close(): Promise<void> {
    this.watcher?.close();
    await this.queue.idle();
  }

  // ---- the tree

  /** The tree, from cache unless files changed since; `fresh` looks at the disk again (for callers without a watcher). */
  tree(options: { fresh?: boolean } = {}): Promise<WorkspaceTree> {
    if (options.fresh) this.cachedTree = undefined;
    this.cachedTree ??= this.scan().catch((error: unknown) => {
      this.cachedTree = undefined;
      throw error;
    });
    return this.cachedTree;
  }

  private async scan(): Promise<WorkspaceTree> {
    const { collections, problems } = await this.scanner.scan();
    const globals = await readDocumentFile(join(this.root, WORKSPACE_FILE));
    if (!globals.ok && globals.reason !== 'missing') problems.unshift({ path: WORKSPACE_FILE, reason: globals.reason, message: globals.message });
    return { root: this.root, name: this.name, collections, problems };
  }

  /** Our own changes show in the next tree at once, without waiting for the watcher. */
  private changed(): void {
    this.cachedTree = undefined;
    this.watcher?.refresh();
  }

  // ---- collections and folders

  async createCollection(name: string): Promise<WorkspaceNode> {
    checkName(name, 'collection');
    const path = name;
    await this.makeDirectory(path, COLLECTION_FILE, encodeSettings('collection', { variables: [], headers: [] }));
    this.changed();
    return { kind: 'collection', name, path, children: [] };
  }

  async createFolder(parent: string, name: string): Promise<WorkspaceNode> {
    const parentKind = await this.containerKind(parent);
    checkName(name, 'folder', parentKind === 'collection');
    const path = `${parent}/${name}`;
    // The settings file also keeps an empty folder in git, which does not track empty directories.
    await this.makeDirectory(path, FOLDER_FILE, encodeSettings('folder', { variables: [], headers: [] }));
    this.changed();
    return { kind: 'folder', name, path, children: [] };
  }

  /** A new directory with its settings file; when the file cannot be written, the directory goes too (nothing half-made). */
  private async makeDirectory(path: string, settingsFile: string, settings: Record<string, unknown>): Promise<void> {
    const absolute = absolutePath(this.root, path);
    await assertInsideWorkspace(this.root, absolute);
    try {
      await mkdir(absolute);
    } catch (error) {
      throw storageFailure(error, path);
    }
    try {
      await this.writeDocument(path, settingsFile, settings);
    } catch (error) {
      await rm(absolute, { recursive: true, force: true });
      throw error;
    }
  }

  /** Whether a path is a collection or a folder directory (anything else is refused). */
  private async containerKind(path: string): Promise<'collection' | 'folder'> {
    const absolute = absolutePath(this.root, path);
    await assertInsideWorkspace(this.root, absolute);
    const stats = await lstat(absolute).catch(() => undefined);
    if (!stats?.isDirectory()) throw new ShuttleFailure('NOT_FOUND', `${path} is not a collection or folder`, { path });
    if (!path.includes('/')) {
      const marker = await lstat(join(absolute, COLLECTION_FILE)).catch(() => undefined);
      if (!marker) throw new ShuttleFailure('NOT_FOUND', `${path} is not a collection`, { path });
      return 'collection';
    }
    if (path.split('/')[1] === ENVIRONMENTS_DIR && path.split('/').length === 2) {
      throw new ShuttleFailure('VALIDATION', `${path} holds environments, not requests`, { path });
    }
    return 'folder';
  }

  // ---- requests

  async readRequest(path: string): Promise<RequestDocumentView> {
    this.assertRequestPath(path);
    const loaded = await this.loadDocument(path);
    const decoded = decodeRequest(loaded.value);
    if (!decoded.ok) throw new ShuttleFailure('VALIDATION', `${path}: ${decoded.message}`, { path });
    return { path, name: nameOfRequestFile(baseName(path)), request: await this.requestWithSecrets(decoded.value, path), revision: loaded.revision };
  }

  /**
   * Saves a request: over an existing file (`path`), or as a new one (`parent` + `name`). With
   * `ifRevision`, the save is refused (CHANGED_ON_DISK) when the file no longer holds what the
   * caller loaded, so someone else's change on disk is never silently overwritten.
   */
  async saveRequest(input: { path?: string; parent?: string; name?: string; request: SavedRequest; ifRevision?: string }): Promise<RequestDocumentView> {
    let path: string;
    let isNew = false;
    if (input.path !== undefined) {
      path = input.path;
      this.assertRequestPath(path);
    } else {
      if (input.parent === undefined || input.name === undefined) throw new ShuttleFailure('VALIDATION', 'A new request needs a parent and a name');
      await this.containerKind(input.parent);
      checkName(input.name, 'request');
      path = `${input.parent}/${requestFileName(input.name)}`;
      isNew = true;
    }
    const clientCert = input.request.kind === 'websocket' ? input.request.spec.clientCert : input.request.spec.settings?.clientCert;
    const revision = await this.writeDocument(
      parentPath(path),
      baseName(path),
      (existing) => {
        if (isNew && existing.status !== 'missing') throw new ShuttleFailure('ALREADY_EXISTS', `${path} already exists`, { path });
        if (input.ifRevision !== undefined && existing.revision !== input.ifRevision) {
          throw new ShuttleFailure('CHANGED_ON_DISK', `${path} changed on disk since it was loaded`, { path });
        }
        return requestDocument(input.request, existing.value);
      },
      () => this.storeCertificateSecrets(clientCert, requestScope(path)),
    );
    this.changed();
    return { path, name: nameOfRequestFile(baseName(path)), request: input.request, revision };
  }

  /** The request file as it is on disk, and as saving `request` over it would write it: the same encoding and merge as a save. */
  async compareRequest(path: string, request: SavedRequest): Promise<RequestFileComparison> {
    this.assertRequestPath(path);
    const absolute = absolutePath(this.root, path);
    await assertInsideWorkspace(this.root, absolute);
    // Read afresh, not from the cache: the merge below changes the parsed document it is given.
    const read = await readDocumentFile(absolute);
    if (!read.ok) {
      if (read.reason === 'missing') throw new ShuttleFailure('NOT_FOUND', `${path} does not exist`, { path });
      throw new ShuttleFailure('VALIDATION', `${path}: ${read.message}`, { path, reason: read.reason });
    }
    const draft = stringifyYaml(requestDocument(request, read.loaded.value), read.loaded.document);
    return { path, revision: read.loaded.revision, onDisk: read.loaded.text, draft };
  }

  private assertRequestPath(path: string): void {
    if (!path.includes('/') || !isRequestFileName(baseName(path))) {
      throw new ShuttleFailure('VALIDATION', `${path} is not a request file`, { path });
    }
  }

  // ---- rename, duplicate, move, delete

  async rename(path: string, name: string): Promise<{ path: string }> {
    const isRequest = path.endsWith(YAML_EXTENSION) && path.includes('/');
    if (isRequest) this.assertRequestPath(path);
    else await this.containerKind(path);
    const parent = parentPath(path);
    checkName(name, isRequest ? 'request' : path.includes('/') ? 'folder' : 'collection', parent !== '' && !parent.includes('/'));
    const target = parent === '' ? (isRequest ? requestFileName(name) : name) : `${parent}/${isRequest ? requestFileName(name) : name}`;
    if (target === path) return { path };
    await this.moveEntry(path, target, path.toLowerCase() === target.toLowerCase());
    return { path: target };
  }

  async move(path: string, into: string): Promise<{ path: string }> {
    const isRequest = path.endsWith(YAML_EXTENSION) && path.includes('/');
    if (isRequest) this.assertRequestPath(path);
    else if (!path.includes('/')) throw new ShuttleFailure('VALIDATION', 'A collection cannot be moved into another one', { path });
    else await this.containerKind(path);
    const intoKind = await this.containerKind(into);
    if (into === path || into.startsWith(`${path}/`)) throw new ShuttleFailure('VALIDATION', 'A folder cannot be moved into itself', { path });
    const name = baseName(path);
    if (!isRequest) checkName(name, 'folder', intoKind === 'collection');
    const target = `${into}/${name}`;
    if (target === path) return { path };
    await this.moveEntry(path, target, false);
    return { path: target };
  }

  private async moveEntry(from: string, to: string, sameNameOtherCase: boolean): Promise<void> {
    const source = absolutePath(this.root, from);
    const target = absolutePath(this.root, to);
    await assertInsideWorkspace(this.root, source);
    await assertInsideWorkspace(this.root, target);
    // rename() would silently replace a file (or an empty directory) of that name: refuse instead.
    if (!sameNameOtherCase && (await lstat(target).catch(() => undefined))) {
      throw new ShuttleFailure('ALREADY_EXISTS', `${to} already exists`, { path: to });
    }
    try {
      await rename(source, target);
    } catch (error) {
      throw storageFailure(error, from);
    }
    await this.moveSecrets(from, to, false);
    this.changed();
  }

  async duplicate(path: string): Promise<{ path: string }> {
    const isRequest = path.endsWith(YAML_EXTENSION) && path.includes('/');
    if (isRequest) this.assertRequestPath(path);
    else await this.containerKind(path);
    const parent = parentPath(path);
    const name = isRequest ? nameOfRequestFile(baseName(path)) : baseName(path);
    const siblings = new Set(
      (await readdir(parent === '' ? this.root : absolutePath(this.root, parent)).catch(() => [] as string[])).map((entry) => entry.toLowerCase()),
    );
    let copyName = `${name} copy`;
    for (let n = 2; siblings.has((isRequest ? requestFileName(copyName) : copyName).toLowerCase()); n++) copyName = `${name} copy ${n}`;
    const fileName = isRequest ? requestFileName(copyName) : copyName;
    const target = parent === '' ? fileName : `${parent}/${fileName}`;
    const source = absolutePath(this.root, path);
    const absoluteTarget = absolutePath(this.root, target);
    await assertInsideWorkspace(this.root, source);
    await assertInsideWorkspace(this.root, absoluteTarget);
    try {
      // Links are copied as links (never followed), like everything else in a workspace.
      await cp(source, absoluteTarget, { recursive: true, errorOnExist: true, force: false, verbatimSymlinks: true });
    } catch (error) {
      throw storageFailure(error, target);
    }
    await this.moveSecrets(path, target, true);
    this.changed();
    return { path: target };
  }

  /** Deletes a request, folder or collection; a copy is kept outside the workspace for undo. */
  async delete(path: string): Promise<{ undoId: string }> {
    const isRequest = path.endsWith(YAML_EXTENSION) && path.includes('/');
    if (isRequest) this.assertRequestPath(path);
    else await this.containerKind(path);
    const absolute = absolutePath(this.root, path);
    await assertInsideWorkspace(this.root, absolute);
    let kept: { undoId: string; dropped: string[] };
    try {
      kept = await this.trash.keep(this.root, path, absolute);
      await rm(absolute, { recursive: true, force: true });
    } catch (error) {
      throw storageFailure(error, path);
    }
    this.changed();
    // Its secrets wait in the trash with it: undo brings them back, and an item made at the same
    // path meanwhile does not find them. They go for good when the trash lets the item go.
    await this.rewriteSecretScopes((scope) => (movedScope(scope, path, path) ? trashScope(kept.undoId, scope) : undefined), false);
    await this.dropTrashedSecrets(kept.dropped);
    return { undoId: kept.undoId };
  }

  async undoDelete(undoId: string): Promise<{ path: string }> {
    const path = await this.trash.restore(undoId, this.root, (relPath) => absolutePath(this.root, relPath));
    await this.rewriteSecretScopes((scope) => untrashedScope(undoId, scope), false);
    this.changed();
    return { path };
  }

  // ---- collection, folder and workspace settings

  async readSettings(path: string): Promise<FolderSettings> {
    const { kind, relPath } = await this.settingsFile(path);
    const scope = this.scopeOf(path);
    const { certificateSecrets: _marked, ...settings } = await this.settingsWithSecrets(await this.decodedSettings(kind, relPath), scope, path);
    return { ...settings, variables: await this.viewVariables(settings.variables, scope) };
  }

  async saveSettings(path: string, edit: FolderSettingsEdit): Promise<FolderSettings> {
    const { kind, relPath } = await this.settingsFile(path);
    const scope = this.scopeOf(path);
    const previous = (await this.decodedSettings(kind, relPath)).variables;
    const variables = await this.storeVariables(edit.variables, previous, scope);
    const settings: DecodedSettings = { variables, headers: edit.headers };
    if (edit.auth) settings.auth = edit.auth;
    if (edit.settings) settings.settings = edit.settings;
    // The workspace file keeps variables only: it has no certificate to keep secrets of.
    const storeSecrets = kind === 'workspace' ? undefined : () => this.storeCertificateSecrets(edit.settings?.clientCert, scope);
    await this.writeDocument(parentPath(relPath), baseName(relPath), encodeSettings(kind, settings), storeSecrets);
    this.changed();
    return this.readSettings(path);
  }

  private async settingsFile(path: string): Promise<{ kind: SettingsKind; relPath: string }> {
    if (path === '') return { kind: 'workspace', relPath: WORKSPACE_FILE };
    const kind = await this.containerKind(path);
    return { kind, relPath: `${path}/${kind === 'collection' ? COLLECTION_FILE : FOLDER_FILE}` };
  }

  private async decodedSettings(kind: SettingsKind, relPath: string): Promise<DecodedSettings> {
    const loaded = await this.loadDocument(relPath, true);
    if (!loaded) return { variables: [], headers: [] };
    let decoded = decodedSettingsCache.get(loaded);
    if (!decoded) {
      decoded = decodeSettings(kind, loaded.value);
      decodedSettingsCache.set(loaded, decoded);
    }
    if (!decoded.ok) throw new ShuttleFailure('VALIDATION', `${relPath}: ${decoded.message}`, { path: relPath });
    return decoded.value;
  }

  /** Settings of every scope a send from `requestPath` (or a collection) goes through, outermost first. */
  async scopesFor(path: string): Promise<{ global: DecodedSettings; collection?: ScopeSettings; folders: ScopeSettings[] }> {
    const global = await this.withSecretValues(await this.decodedSettings('workspace', WORKSPACE_FILE).catch(() => ({ variables: [], headers: [] })), 'global');
    const segments = path.split('/');
    const collectionName = segments[0];
    if (!collectionName) return { global, folders: [] };
    const collectionSettings = await this.decodedSettings('collection', `${collectionName}/${COLLECTION_FILE}`).catch(() => undefined);
    const collectionScope = `collection:${collectionName}`;
    const collection = collectionSettings
      ? { ...(await this.settingsWithSecrets(await this.withSecretValues(collectionSettings, collectionScope), collectionScope, collectionName)), scope: collectionScope }
      : undefined;
    const folders: ScopeSettings[] = [];
    // The folders between the collection and the request (the last segment is the request file).
    const folderCount = path.endsWith(YAML_EXTENSION) ? segments.length - 1 : segments.length;
    for (let depth = 2; depth <= folderCount; depth++) {
      const folderPath = segments.slice(0, depth).join('/');
      const settings = await this.decodedSettings('folder', `${folderPath}/${FOLDER_FILE}`).catch(() => undefined);
      const scope = `folder:${folderPath}`;
      if (settings) folders.push({ ...(await this.settingsWithSecrets(await this.withSecretValues(settings, scope), scope, folderPath)), scope });
    }
    return { global, collection, folders };
  }

  /**
   * What a request at `path` (or a collection or folder: then it is the last layer) inherits, for the
   * editor to explain: each enclosing collection and folder with its headers, auth type and settings,
   * outermost first. A settings file that cannot be read passes nothing down, as on send.
   */
  async readInherited(path: string): Promise<InheritedLayerView[]> {
    const segments = path.split('/');
    const depth = path.endsWith(YAML_EXTENSION) && segments.length > 1 ? segments.length - 1 : segments.length;
    const layers: InheritedLayerView[] = [];
    for (let level = 1; level <= depth; level++) {
      const layerPath = segments.slice(0, level).join('/');
      const kind = level === 1 ? 'collection' : 'folder';
      const decoded = await this.decodedSettings(kind, `${layerPath}/${kind === 'collection' ? COLLECTION_FILE : FOLDER_FILE}`).catch(() => undefined);
      if (!decoded) continue;
      // Filled in only to learn which secrets are missing here; the values themselves are taken out again.
      const settings = await this.settingsWithSecrets(decoded, `${kind}:${layerPath}`, layerPath);
      const layer: InheritedLayerView = { kind, path: layerPath, name: segments[level - 1]!, headers: settings.headers };
      if (settings.auth) layer.auth = { type: settings.auth.type };
      if (settings.settings) layer.settings = withoutCertificateSecrets(settings.settings);
      layers.push(layer);
    }
    return layers;
  }

  /** Request-scope variables of a saved request (empty when it has none or cannot be read). */
  async requestVariables(path: string): Promise<VariableDefinition[]> {
    const loaded = await this.loadDocument(path, true).catch(() => undefined);
    const decoded = loaded ? decodeRequest(loaded.value) : undefined;
    return decoded?.ok ? decoded.value.variables : [];
  }

  // ---- environments

  async listEnvironments(collection: string): Promise<EnvironmentView[]> {
    await this.assertCollection(collection);
    const directory = absolutePath(this.root, `${collection}/${ENVIRONMENTS_DIR}`);
    const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
    const environments: EnvironmentView[] = [];
    for (const entry of entries) {
      if (!entry.isFile() || entry.name.startsWith('.') || !entry.name.endsWith(YAML_EXTENSION)) continue;
      const name = nameOfRequestFile(entry.name);
      const variables = await this.environmentVariables(collection, name).catch(() => undefined);
      if (variables) environments.push({ name, variables: await this.viewVariables(variables, environmentScope(collection, name)) });
    }
    return environments.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  }

  /** Variables of one environment, secret values filled in from the store (for sending only). */
  async environmentValues(collection: string, name: string): Promise<VariableDefinition[] | undefined> {
    const variables = await this.environmentVariables(collection, name).catch(() => undefined);
    if (!variables) return undefined;
    return (await this.withSecretValues({ variables, headers: [] }, environmentScope(collection, name))).variables;
  }

  /** Creates, updates or (with `previousName`) renames an environment. */
  async saveEnvironment(collection: string, edit: EnvironmentEdit, previousName?: string): Promise<EnvironmentView> {
    await this.assertCollection(collection);
    checkName(edit.name, 'environment');
    const directory = `${collection}/${ENVIRONMENTS_DIR}`;
    const renamed = previousName !== undefined && previousName !== edit.name;
    let previous: VariableDefinition[] = [];
    if (previousName !== undefined) {
      checkName(previousName, 'environment');
      previous = await this.environmentVariables(collection, previousName);
    }
    if (renamed || previousName === undefined) {
      const exists = await lstat(absolutePath(this.root, `${directory}/${requestFileName(edit.name)}`)).catch(() => undefined);
      if (exists && previousName?.toLowerCase() !== edit.name.toLowerCase()) {
        throw new ShuttleFailure('ALREADY_EXISTS', `${directory}/${requestFileName(edit.name)} already exists`, { path: edit.name });
      }
    }
    const absoluteDirectory = absolutePath(this.root, directory);
    await assertInsideWorkspace(this.root, absoluteDirectory);
    await mkdir(absoluteDirectory, { recursive: true }).catch((error: unknown) => {
      throw storageFailure(error, directory);
    });
    if (renamed) {
      const from = absolutePath(this.root, `${directory}/${requestFileName(previousName)}`);
      await assertInsideWorkspace(this.root, from);
      await rename(from, absolutePath(this.root, `${directory}/${requestFileName(edit.name)}`)).catch((error: unknown) => {
        throw storageFailure(error, directory);
      });
      await this.renameSecretScope(environmentScope(collection, previousName), environmentScope(collection, edit.name));
    }
    const scope = environmentScope(collection, edit.name);
    const variables = await this.storeVariables(edit.variables, previous, scope);
    await this.writeDocument(directory, requestFileName(edit.name), encodeEnvironment(variables));
    this.changed();
    return { name: edit.name, variables: await this.viewVariables(variables, scope) };
  }

  async deleteEnvironment(collection: string, name: string): Promise<void> {
    await this.assertCollection(collection);
    checkName(name, 'environment');
    const path = `${collection}/${ENVIRONMENTS_DIR}/${requestFileName(name)}`;
    const absolute = absolutePath(this.root, path);
    await assertInsideWorkspace(this.root, absolute);
    try {
      await rm(absolute);
    } catch (error) {
      throw storageFailure(error, path);
    }
    await this.dropSecretScope(environmentScope(collection, name));
    this.changed();
  }

  private async environmentVariables(collection: string, name: string): Promise<VariableDefinition[]> {
    const path = `${collection}/${ENVIRONMENTS_DIR}/${requestFileName(name)}`;
    const loaded = await this.loadDocument(path);
    const decoded = decodeEnvironment(loaded.value);
    if (!decoded.ok) throw new ShuttleFailure('VALIDATION', `${path}: ${decoded.message}`, { path });
    return decoded.value;
  }

  private async assertCollection(collection: string): Promise<void> {
    if (collection.includes('/') || (await this.containerKind(collection)) !== 'collection') {
      throw new ShuttleFailure('NOT_FOUND', `${collection} is not a collection`, { path: collection });
    }
  }

  // ---- variables and secrets

  private scopeOf(path: string): string {
    if (path === '') return 'global';
    return path.includes('/') ? `folder:${path}` : `collection:${path}`;
  }

  /**
   * Applies the UI's edit of a variable list: a secret's value goes to the secret store and only
   * its name to the file; a secret left without a value keeps the stored one; a variable that is
   * removed or no longer secret has its stored value dropped.
   */
  private async storeVariables(edits: readonly VariableEdit[], previous: readonly VariableDefinition[], scope: string): Promise<VariableDefinition[]> {
    const result: VariableDefinition[] = [];
    const keptSecrets = new Set<string>();
    for (const edit of edits) {
      if (edit.secret) {
        if (edit.value !== undefined) await this.options.secrets.set(secretKey({ root: this.root, scope, name: edit.name }), edit.value);
        keptSecrets.add(edit.name);
        result.push({ name: edit.name, value: '', enabled: edit.enabled, secret: true });
      } else {
        result.push({ name: edit.name, value: edit.value ?? '', enabled: edit.enabled, secret: false });
      }
    }
    for (const variable of previous) {
      if (variable.secret && !keptSecrets.has(variable.name)) await this.options.secrets.delete(secretKey({ root: this.root, scope, name: variable.name }));
    }
    return result;
  }

  private async viewVariables(variables: readonly VariableDefinition[], scope: string): Promise<VariableView[]> {
    return Promise.all(
      variables.map(async (variable) =>
        variable.secret
          ? { ...variable, value: '', hasValue: (await this.options.secrets.get(secretKey({ root: this.root, scope, name: variable.name }))) !== undefined }
          : { ...variable, hasValue: true },
      ),
    );
  }

  /** Fills in secret values from the store; a secret without a stored value is left out (so it shows as unresolved). */
  private async withSecretValues(settings: DecodedSettings, scope: string): Promise<DecodedSettings> {
    const variables: VariableDefinition[] = [];
    for (const variable of settings.variables) {
      if (!variable.secret) {
        variables.push(variable);
        continue;
      }
      const value = await this.options.secrets.get(secretKey({ root: this.root, scope, name: variable.name }));
      if (value !== undefined) variables.push({ ...variable, value });
    }
    return { ...settings, variables };
  }

  /** After a rename or move (or, with `copy`, a duplicate) the secrets of every scope under `from` follow. */
  private moveSecrets(from: string, to: string, copy: boolean): Promise<void> {
    return this.rewriteSecretScopes((scope) => movedScope(scope, from, to), copy);
  }

  /** Moves (or copies) each of this workspace's secrets whose scope `rewrite` gives a new one. */
  private async rewriteSecretScopes(rewrite: (scope: string) => string | undefined, copy: boolean): Promise<void> {
    for (const key of await this.options.secrets.keys()) {
      const address = parseSecretKey(key);
      if (!address || address.root !== this.root) continue;
      const scope = rewrite(address.scope);
      if (scope === undefined) continue;
      const value = await this.options.secrets.get(key);
      if (value === undefined) continue;
      await this.options.secrets.set(secretKey({ ...address, scope }), value);
      if (!copy) await this.options.secrets.delete(key);
    }
  }

  /** Deletions the trash no longer keeps (of any workspace: the trash is the data folder's) take their secrets with them. */
  private async dropTrashedSecrets(undoIds: readonly string[]): Promise<void> {
    if (undoIds.length === 0) return;
    const prefixes = undoIds.map((undoId) => trashScope(undoId, ''));
    for (const key of await this.options.secrets.keys()) {
      const scope = parseSecretKey(key)?.scope;
      if (scope !== undefined && prefixes.some((prefix) => scope.startsWith(prefix))) await this.options.secrets.delete(key);
    }
  }

  // ---- client certificate secrets

  /** A request with the certificate secrets its file marks put back from the store (see withCertificateSecrets). */
  private async requestWithSecrets(decoded: DecodedRequest, path: string): Promise<SavedRequest> {
    const { request, certificateSecrets } = decoded;
    if (certificateSecrets.length === 0) return request;
    const fill = (clientCert: ClientCertificate) => this.withCertificateSecrets(clientCert, certificateSecrets, requestScope(path), path.slice(0, -YAML_EXTENSION.length));
    if (request.kind === 'websocket') {
      return request.spec.clientCert ? { kind: 'websocket', spec: { ...request.spec, clientCert: await fill(request.spec.clientCert) } } : request;
    }
    const settings = request.spec.settings;
    return settings?.clientCert ? { kind: 'http', spec: { ...request.spec, settings: { ...settings, clientCert: await fill(settings.clientCert) } } } : request;
  }

  /** Collection or folder settings with their certificate secrets put back from the store. */
  private async settingsWithSecrets(settings: DecodedSettings, scope: string, savedIn: string): Promise<DecodedSettings> {
    const clientCert = settings.settings?.clientCert;
    if (!clientCert || !settings.certificateSecrets?.length) return settings;
    return { ...settings, settings: { ...settings.settings, clientCert: await this.withCertificateSecrets(clientCert, settings.certificateSecrets, scope, savedIn) } };
  }

  /** A certificate with the parts its file keeps in the secret store put back (or listed as missing here). */
  private withCertificateSecrets(clientCert: ClientCertificate, parts: readonly ClientCertSecret[], scope: string, savedIn: string): Promise<ClientCertificate> {
    return withCertificateSecrets(clientCert, parts, savedIn, (part) => this.options.secrets.get(this.certificateSecretKey(scope, part)));
  }

  /**
   * Stores the certificate secrets a save takes out of the file. Called before the file is written,
   * so a marker on disk never comes before its value; returns what to do once it is: drop the values
   * of parts that are no longer secret (removed, a path now, a `{{reference}}`). A part still missing
   * here keeps its marker and is left alone.
   */
  private async storeCertificateSecrets(clientCert: ClientCertificate | undefined, scope: string): Promise<() => Promise<void>> {
    const values = certificateSecretValues(clientCert);
    const stillMissing = new Set(unavailableCertificateSecrets(clientCert));
    for (const part of CLIENT_CERT_SECRETS) {
      const value = values[part];
      if (value !== undefined) await this.options.secrets.set(this.certificateSecretKey(scope, part), value);
    }
    return async () => {
      for (const part of CLIENT_CERT_SECRETS) {
        if (values[part] === undefined && !stillMissing.has(part)) await this.options.secrets.delete(this.certificateSecretKey(scope, part));
      }
    };
  }

  private certificateSecretKey(scope: string, part: ClientCertSecret): string {
    return secretKey({ root: this.root, scope, name: CERTIFICATE_SECRET_NAMES[part] });
  }

  private async renameSecretScope(from: string, to: string): Promise<void> {
    for (const key of await this.options.secrets.keys()) {
      const address = parseSecretKey(key);
      if (!address || address.root !== this.root || address.scope !== from) continue;
      const value = await this.options.secrets.get(key);
      if (value !== undefined) await this.options.secrets.set(secretKey({ ...address, scope: to }), value);
      await this.options.secrets.delete(key);
    }
  }

  private async dropSecretScope(scope: string): Promise<void> {
    for (const key of await this.options.secrets.keys()) {
      const address = parseSecretKey(key);
      if (address && address.root === this.root && address.scope === scope) await this.options.secrets.delete(key);
    }
  }

  // ---- reading and writing documents

  private async loadDocument(path: string): Promise<LoadedDocument>;
  private async loadDocument(path: string, optional: true): Promise<LoadedDocument | undefined>;
  private async loadDocument(path: string, optional = false): Promise<LoadedDocument | undefined> {
    // Checked once per path: every send reads the same few settings files.
    let absolute = this.absolutePaths.get(path);
    if (absolute === undefined) {
      absolute = absolutePath(this.root, path);
      if (this.absolutePaths.size >= MAX_CACHED_DOCUMENTS) this.absolutePaths.clear();
      this.absolutePaths.set(path, absolute);
    }
    // Every send from a collection reads the same few settings files: a file unchanged since it was
    // read (same inode, size and mtime, seen without following links) comes from memory.
    const cached = this.documents.get(absolute);
    if (cached) {
      const { document } = cached;
      const now = performance.now();
      let unchanged = now - cached.checkedAt < RECHECK_AFTER_MS;
      if (!unchanged) {
        const stats = lstatSync(absolute, { throwIfNoEntry: false });
        unchanged =
          document === MISSING
            ? stats === undefined
            : stats?.isFile() === true && stats.ino === document.stats.ino && stats.size === document.stats.size && stats.mtimeMs === document.stats.mtimeMs;
        if (unchanged) cached.checkedAt = now;
      }
      if (unchanged && document !== MISSING) return document;
      if (unchanged && optional) return undefined;
      this.documents.delete(absolute);
    }
    await assertInsideWorkspace(this.root, absolute);
    const read = await readDocumentFile(absolute);
    if (read.ok || read.reason === 'missing') {
      if (this.documents.size >= MAX_CACHED_DOCUMENTS) this.documents.clear();
      this.documents.set(absolute, { document: read.ok ? read.loaded : MISSING, checkedAt: performance.now() });
    }
    if (read.ok) return read.loaded;
    if (read.reason === 'missing') {
      if (optional) return undefined;
      throw new ShuttleFailure('NOT_FOUND', `${path} does not exist`, { path });
    }
    throw new ShuttleFailure('VALIDATION', `${path}: ${read.message}`, { path, reason: read.reason });
  }

  /**
   * Writes one document through its path's save queue: the file as it is on disk at that moment is
   * read first, so a rewrite keeps the comments in it (and `produce` can check its revision), then
   * replaced atomically. Returns the new revision.
   */
  private writeDocument(
    directory: string,
    fileName: string,
    produce: Record<string, unknown> | ((existing: ExistingFile) => Record<string, unknown>),
    storeSecrets?: () => Promise<() => Promise<void>>,
  ): Promise<string> {
    const path = directory === '' ? fileName : `${directory}/${fileName}`;
    const absolute = absolutePath(this.root, path);
    return this.queue.run(absolute, async () => {
      await assertInsideWorkspace(this.root, absolute);
      const read = await readDocumentFile(absolute);
      const existing: ExistingFile = read.ok
        ? { status: 'valid', revision: read.loaded.revision, value: read.loaded.value, document: read.loaded.document }
        : read.reason === 'missing'
          ? { status: 'missing' }
          : { status: 'invalid' };
      const value = typeof produce === 'function' ? produce(existing) : produce;
      const text = stringifyYaml(value, existing.document);
      this.documents.delete(absolute);
      let afterWrite: (() => Promise<void>) | undefined;
      try {
        await mkdir(dirname(absolute), { recursive: true });
        afterWrite = await storeSecrets?.();
        await this.writeFile(absolute, text);
      } catch (error) {
        throw storageFailure(error, path);
      }
      // The file is saved: a value left behind here is one nothing refers to, and the next save tries again.
      await afterWrite?.().catch(() => undefined);
      return revisionOf(text);
    });
  }
}

interface ExistingFile {
  status: 'valid' | 'missing' | 'invalid';
  revision?: string;
  value?: Record<string, unknown>;
  document?: Document;
}

/** A request as its file holds it; a WebSocket request keeps the request-scope variables its file has (its editor has none). */
function requestDocument(request: SavedRequest, existing: Record<string, unknown> | undefined): Record<string, unknown> {
  const decoded = existing ? decodeRequest(existing) : undefined;
  return encodeRequest(request, decoded?.ok ? decoded.value.variables : []);
}

/**
 * Settings as the UI may see them when it explains inheritance: a client certificate's passphrase
 * and its inline key or bundle bytes stay in the engine (names, and which secrets are missing, go).
 */
function withoutCertificateSecrets(settings: RequestSettings): RequestSettings {
  if (!settings.clientCert) return settings;
  const { passphrase: _passphrase, ...clientCert } = settings.clientCert;
  for (const part of ['key', 'pfx'] as const) {
    const file = clientCert[part];
    if (file?.kind === 'inline') clientCert[part] = { ...file, base64: '' };
  }
  const { clientCert: _withSecrets, ...rest } = settings;
  return Object.keys(clientCert).length > 0 ? { ...rest, clientCert } : rest;
}

/**
 * Where a secret is kept, by scope: "global", "collection:<path>", "folder:<path>",
 * "environment:<collection>/<name>" for variables, "request:<path>" for a request's certificate
 * secrets, and "trash:<undo id>:<scope>" for those of a deleted item while undo can bring it back.
 */
function environmentScope(collection: string, name: string): string {
  return `environment:${collection}/${name}`;
}

function requestScope(path: string): string {
  return `request:${path}`;
}

function trashScope(undoId: string, scope: string): string {
  return `trash:${undoId}:${scope}`;
}

function untrashedScope(undoId: string, scope: string): string | undefined {
  const prefix = trashScope(undoId, '');
  return scope.startsWith(prefix) ? scope.slice(prefix.length) : undefined;
}

/**
 * The scope a secret has once the item at `from` is at `to` (renamed or moved), or undefined when
 * it does not belong to that item or anything inside it. With `to` equal to `from`: whether it belongs.
 */
function movedScope(scope: string, from: string, to: string): string | undefined {
  const [kind, ...rest] = scope.split(':');
  const path = rest.join(':');
  const moved = path === from ? to : path.startsWith(`${from}/`) ? `${to}${path.slice(from.length)}` : undefined;
  switch (kind) {
    case 'environment': {
      // An environment belongs to its collection ("Shop/local" is not inside a folder "Shop/local").
      const collection = path.slice(0, path.lastIndexOf('/'));
      return collection === from ? `environment:${to}${path.slice(collection.length)}` : undefined;
    }
    case 'request':
      return moved === undefined ? undefined : requestScope(moved);
    case 'collection':
    case 'folder':
      return moved === undefined ? undefined : `${moved.includes('/') ? 'folder' : 'collection'}:${moved}`;
    default:
      return undefined;
  }
}
