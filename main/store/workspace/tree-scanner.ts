import type { Dirent, Stats } from 'node:fs';
import { statSync } from 'node:fs';
import { lstat, readdir, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { ProblemReason, WorkspaceNode, WorkspaceProblem } from '../../../shared/model/workspace.ts';
import { decodeEnvironment, decodeRequest, decodeSettings, requestSummary, type SettingsKind } from './document-codecs.ts';
import { readDocumentFileSync } from './document-file.ts';
import {
  COLLECTION_FILE,
  ENVIRONMENTS_DIR,
  FOLDER_FILE,
  isRequestFileName,
  nameOfRequestFile,
  relativePath,
  YAML_EXTENSION,
} from './workspace-paths.ts';

/** Folders nest; deeper than this is a mistake or a loop, and is listed instead of followed. */
const MAX_DEPTH = 32;
/** How long file reads may hold the event loop before the scan lets other work run. */
const SLICE_MS = 8;

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

type FileOutcome = { ok: true; summary: Pick<WorkspaceNode, 'requestKind' | 'method' | 'url'> } | { ok: false; reason: ProblemReason; message: string };

interface CacheEntry {
  mtimeMs: number;
  size: number;
  ino: number;
  outcome: FileOutcome;
}

export interface ScanResult {
  collections: WorkspaceNode[];
  problems: WorkspaceProblem[];
}

/**
 * Builds the tree from what is on disk. A collection is a top-level directory with a
 * `collection.yaml`; inside it every directory is a folder and every other `.yaml` file a request.
 * Hidden entries (`.git`, temp files) are skipped; symbolic links are never followed, only listed.
 * Parsed files are cached by (inode, size, mtime), so a rescan after a change reads only what changed.
 */
export class TreeScanner {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly slices = new TimeSlices();
  private readonly realRoot: string;

  constructor(realRoot: string) {
    this.realRoot = realRoot;
  }

  async scan(): Promise<ScanResult> {
    const problems: WorkspaceProblem[] = [];
    const seen = new Set<string>();
    const entries = await readdir(this.realRoot, { withFileTypes: true }).catch(() => [] as Dirent[]);
    const collections: WorkspaceNode[] = [];
    await Promise.all(
      entries.map(async (entry) => {
        if (entry.name.startsWith('.')) return;
        const absolute = join(this.realRoot, entry.name);
        if (entry.isSymbolicLink()) {
          problems.push(await this.linkProblem(absolute));
          return;
        }
        if (!entry.isDirectory()) return;
        // Only a directory that says it is a collection is one: opening a repository as a workspace
        // must not turn src/ or node_modules/ into collections.
        const marker = await lstat(join(absolute, COLLECTION_FILE)).catch(() => undefined);
        if (!marker) return;
        const collection = await this.scanDirectory(absolute, 'collection', 0, problems, seen);
        collections.push(collection);
      }),
    );
    collections.sort((a, b) => byName.compare(a.name, b.name));
    // Forget files that are gone, so the cache does not grow across renames and checkouts.
    for (const path of this.cache.keys()) if (!seen.has(path)) this.cache.delete(path);
    problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { collections, problems };
  }

  private async scanDirectory(
    absolute: string,
    kind: 'collection' | 'folder',
    depth: number,
    problems: WorkspaceProblem[],
    seen: Set<string>,
  ): Promise<WorkspaceNode> {
    const path = relativePath(this.realRoot, absolute);
    const node: WorkspaceNode = { kind, name: path.slice(path.lastIndexOf('/') + 1), path, children: [] };
    const entries = await readdir(absolute, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      problems.push({ path, reason: 'unreadable', message: error.code ?? String(error) });
      return [] as Dirent[];
    });
    const folders: WorkspaceNode[] = [];
    const requests: WorkspaceNode[] = [];
    const files: { absolute: string; name: string; role: 'request' | SettingsKind | 'environment' }[] = [];
    // Sub-folders are scanned side by side with this folder's files: the limiter, not the tree's shape, sets the pace.
    const subfolders: Promise<void>[] = [];

    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = join(absolute, entry.name);
      if (entry.isSymbolicLink()) {
        problems.push(await this.linkProblem(child));
      } else if (entry.isDirectory()) {
        if (kind === 'collection' && entry.name === ENVIRONMENTS_DIR) {
          await this.collectEnvironmentFiles(child, files, problems);
        } else if (depth + 1 >= MAX_DEPTH) {
          problems.push({ path: relativePath(this.realRoot, child), reason: 'too-deep', message: `folders nest deeper than ${MAX_DEPTH} levels` });
        } else {
          subfolders.push(this.scanDirectory(child, 'folder', depth + 1, problems, seen).then((folder) => void folders.push(folder)));
        }
      } else if (entry.isFile()) {
        if (entry.name === COLLECTION_FILE && kind === 'collection') files.push({ absolute: child, name: entry.name, role: 'collection' });
        else if (entry.name === FOLDER_FILE && kind === 'folder') files.push({ absolute: child, name: entry.name, role: 'folder' });
        else if (isRequestFileName(entry.name)) files.push({ absolute: child, name: entry.name, role: 'request' });
      }
    }

    await Promise.all([
      ...subfolders,
      ...files.map(async (file) => {
        seen.add(file.absolute);
        await this.slices.next();
        const outcome = this.readCached(file.absolute, file.role);
      const filePath = relativePath(this.realRoot, file.absolute);
      if (!outcome.ok) {
        problems.push({ path: filePath, reason: outcome.reason, message: outcome.message });
        return;
      }
        if (file.role === 'request') requests.push({ kind: 'request', name: nameOfRequestFile(file.name), path: filePath, ...outcome.summary });
      }),
    ]);

    folders.sort((a, b) => byName.compare(a.name, b.name));
    requests.sort((a, b) => byName.compare(a.name, b.name));
    node.children = [...folders, ...requests];
    return node;
  }

  private async collectEnvironmentFiles(
    directory: string,
    files: { absolute: string; name: string; role: 'request' | SettingsKind | 'environment' }[],
    problems: WorkspaceProblem[],
  ): Promise<void> {
    const entries = await readdir(directory, { withFileTypes: true }).catch(() => [] as Dirent[]);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || !entry.name.endsWith(YAML_EXTENSION)) continue;
      const child = join(directory, entry.name);
      if (entry.isSymbolicLink()) problems.push(await this.linkProblem(child));
      else if (entry.isFile()) files.push({ absolute: child, name: entry.name, role: 'environment' });
    }
  }

  private readCached(absolute: string, role: 'request' | SettingsKind | 'environment'): FileOutcome {
    const cached = this.cache.get(absolute);
    // Only a file seen before needs a stat to know whether it changed; a new one is simply read.
    if (cached) {
      const stats = statSync(absolute, { throwIfNoEntry: false });
      if (stats && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size && cached.ino === stats.ino) return cached.outcome;
    }
    const { outcome, stats } = readOutcome(absolute, role);
    if (stats) this.cache.set(absolute, { mtimeMs: stats.mtimeMs, size: stats.size, ino: stats.ino, outcome });
    else this.cache.delete(absolute);
    return outcome;
  }

  private async linkProblem(absolute: string): Promise<WorkspaceProblem> {
    const path = relativePath(this.realRoot, absolute);
    const target = await realpath(absolute).catch(() => undefined);
    if (target !== undefined && target !== this.realRoot && !target.startsWith(this.realRoot + sep)) {
      return { path, reason: 'link-outside-workspace', message: 'a symbolic link that leads outside the workspace; it is not followed' };
    }
    return { path, reason: 'symlink', message: 'a symbolic link; links inside a workspace are not followed' };
  }
}

/** The file's outcome, and its stats when it could be opened (the cache key; bad files are cached too). */
function readOutcome(absolute: string, role: 'request' | SettingsKind | 'environment'): { outcome: FileOutcome; stats?: Stats } {
  const read = readDocumentFileSync(absolute);
  if (!read.ok) return { outcome: { ok: false, reason: read.reason === 'missing' ? 'unreadable' : read.reason, message: read.message }, stats: read.stats };
  const value = read.loaded.value;
  const stats = read.loaded.stats;
  if (role === 'request') {
    const decoded = decodeRequest(value);
    if (!decoded.ok) return { outcome: { ok: false, reason: 'invalid-document', message: decoded.message }, stats };
    return { outcome: { ok: true, summary: requestSummary(value) }, stats };
  }
  const decoded = role === 'environment' ? decodeEnvironment(value) : decodeSettings(role, value);
  if (!decoded.ok) return { outcome: { ok: false, reason: 'invalid-document', message: decoded.message }, stats };
  return { outcome: { ok: true, summary: {} }, stats };
}

/** Lets the event loop run once the current slice of synchronous work is used up. */
class TimeSlices {
  private sliceStart = performance.now();

  async next(): Promise<void> {
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
  }
}
