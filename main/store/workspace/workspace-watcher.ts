import { watch, type FSWatcher } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { COLLECTION_FILE } from './workspace-paths.ts';

export interface WorkspaceWatcher {
  /** Re-reads which top-level directories are collections (after creating or renaming one). */
  refresh(): void;
  close(): void;
}

/** Directories watched at most; past this (an inotify budget), changes are still found on the next reload. */
const MAX_DIRECTORIES = 20_000;

/**
 * Watches a workspace and reports changed paths (relative, "/"-separated) in batches: a `git
 * checkout` of hundreds of files becomes one report once the burst settles.
 *
 * Only the root (collections appearing, going, renamed) and each collection are watched, so a
 * workspace inside a repository never makes Shuttle watch node_modules/ or build output. Hidden
 * entries (`.git`, the temp files of atomic writes) are ignored. If watching fails, "" is
 * reported: anything may have changed.
 *
 * On Linux every directory is watched on its own rather than with `recursive: true`: Node's
 * recursive watcher there watches each file's inode, and after an atomic save (rename over the
 * file) it keeps watching the old, deleted inode, so a later edit in place would go unseen. A
 * directory's own watch reports every change to the files in it, whatever their inode.
 */
export function watchWorkspace(realRoot: string, onChange: (paths: string[]) => void, debounceMs = 100): WorkspaceWatcher {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const collections = new Map<string, DirectoryWatch>();

  const note = (path: string) => {
    if (closed) return;
    pending.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  const flush = () => {
    timer = undefined;
    const paths = [...pending].sort();
    pending = new Set();
    if (paths.length === 0 || closed) return;
    // A collection made by a checkout has its collection.yaml written after the directory: look again once the burst settles.
    if (paths.some((path) => !path.includes('/'))) syncCollections();
    onChange(paths);
  };

  let syncing: Promise<void> = Promise.resolve();
  /** False during the first look at the workspace: what is there when watching starts is not a change. */
  let started = false;
  const syncCollections = () => {
    syncing = syncing.then(async () => {
      if (closed) return;
      const entries = await readdir(realRoot, { withFileTypes: true }).catch(() => []);
      const present = new Set<string>();
      for (const entry of entries) {
        if (entry.name.startsWith('.') || !entry.isDirectory()) continue;
        if (await lstat(join(realRoot, entry.name, COLLECTION_FILE)).catch(() => undefined)) present.add(entry.name);
      }
      if (closed) return;
      for (const [name, watcher] of collections) {
        if (present.has(name)) continue;
        watcher.close();
        collections.delete(name);
      }
      for (const name of present) {
        if (!collections.has(name)) collections.set(name, watchDirectoryTree(realRoot, join(realRoot, name), note, started));
      }
      started = true;
    });
  };

  let rootWatcher: FSWatcher | undefined;
  try {
    rootWatcher = watch(realRoot, { persistent: false }, (_event, filename) => {
      const name = filename === null ? '' : filename.toString();
      if (name.startsWith('.')) return;
      note(name);
      syncCollections();
    });
    rootWatcher.on('error', () => note(''));
  } catch {
    note('');
  }
  syncCollections();

  return {
    refresh: syncCollections,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      rootWatcher?.close();
      for (const watcher of collections.values()) watcher.close();
      collections.clear();
    },
  };
}

interface DirectoryWatch {
  close(): void;
}

/**
 * Watches a directory and everything below it, reporting paths relative to `root`. A directory is
 * watched from a moment after it appeared (a checkout writes a new collection's folders and files in
 * one burst): whatever was made in it before its watch began is reported as found, unless
 * `reportFound` is false (the workspace as it was when watching started).
 */
function watchDirectoryTree(root: string, top: string, note: (path: string) => void, reportFound: boolean): DirectoryWatch {
  const toRelative = (absolute: string) => relative(root, absolute).split(sep).join('/');
  const hidden = (path: string) => path.split('/').some((segment) => segment.startsWith('.'));

  if (process.platform !== 'linux') {
    // macOS (FSEvents) and Windows watch a whole tree natively and follow replaced files.
    if (reportFound) note(toRelative(top));
    try {
      const watcher = watch(top, { recursive: true, persistent: false }, (_event, filename) => {
        const path = filename === null ? toRelative(top) : toRelative(join(top, filename.toString()));
        if (!hidden(path)) note(path);
      });
      watcher.on('error', () => note(toRelative(top)));
      return { close: () => watcher.close() };
    } catch {
      note('');
      return { close: () => undefined };
    }
  }

  const watchers = new Map<string, FSWatcher>();
  let closed = false;

  let initialPass = true;
  const add = async (directory: string) => {
    if (closed || watchers.has(directory) || watchers.size >= MAX_DIRECTORIES) return;
    if (reportFound || !initialPass) note(toRelative(directory));
    try {
      const watcher = watch(directory, { persistent: false }, (_event, filename) => {
        if (filename === null) return note(toRelative(directory));
        const absolute = join(directory, filename.toString());
        const path = toRelative(absolute);
        if (hidden(path)) return;
        note(path);
        // A new (or renamed-in) directory gets its own watch; a vanished one loses its watches.
        void lstat(absolute).then(
          (stats) => {
            if (stats.isDirectory()) void add(absolute);
          },
          () => remove(absolute),
        );
      });
      watcher.on('error', () => remove(directory));
      watchers.set(directory, watcher);
    } catch {
      return;
    }
    const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      // Links are never followed: a linked directory is not watched (nor read).
      if (entry.isDirectory() && !entry.name.startsWith('.')) await add(join(directory, entry.name));
    }
  };
  const remove = (directory: string) => {
    for (const [path, watcher] of watchers) {
      if (path === directory || path.startsWith(directory + sep)) {
        watcher.close();
        watchers.delete(path);
      }
    }
  };

  void add(top).finally(() => (initialPass = false));
  return {
    close() {
      closed = true;
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
