import { randomUUID } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ShuttleFailure } from '../../../shared/contract/errors.ts';

/** Deleted items kept for undo; older ones are dropped for good. */
const KEEP = 20;

interface TrashRecord {
  /** The workspace it came from, and where in it. */
  root: string;
  path: string;
  deletedAt: number;
}

/**
 * Deleting from the tree moves a copy here (under the app data directory, never in the workspace,
 * so git does not see it) before removing the original; undo copies it back. Copy then remove,
 * rather than rename, because the data directory may be on another file system.
 */
export class Trash {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'trash');
  }

  /** Keeps a copy of an item; answers its undo id and the ids of older deletions dropped to make room. */
  async keep(root: string, path: string, absolute: string): Promise<{ undoId: string; dropped: string[] }> {
    const id = randomUUID();
    const entry = join(this.dir, id);
    await mkdir(entry, { recursive: true });
    await cp(absolute, join(entry, 'item'), { recursive: true, verbatimSymlinks: true, errorOnExist: true });
    const record: TrashRecord = { root, path, deletedAt: Date.now() };
    await writeFile(join(entry, 'record.json'), JSON.stringify(record));
    return { undoId: id, dropped: await this.prune() };
  }

  async restore(id: string, root: string, absoluteTarget: (path: string) => string): Promise<string> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new ShuttleFailure('VALIDATION', 'Not an undo id');
    const entry = join(this.dir, id);
    const record = await readFile(join(entry, 'record.json'), 'utf8').then((text) => JSON.parse(text) as TrashRecord, () => undefined);
    if (!record || record.root !== root) throw new ShuttleFailure('NOT_FOUND', 'That deletion can no longer be undone');
    const target = absoluteTarget(record.path);
    if (await stat(target).then(() => true, () => false)) {
      throw new ShuttleFailure('ALREADY_EXISTS', `${record.path} exists again`, { path: record.path });
    }
    await cp(join(entry, 'item'), target, { recursive: true, verbatimSymlinks: true, errorOnExist: true, force: false });
    await rm(entry, { recursive: true, force: true });
    return record.path;
  }

  /** Drops all but the latest deletions; answers the ids dropped. */
  private async prune(): Promise<string[]> {
    const entries = await readdir(this.dir).catch(() => [] as string[]);
    if (entries.length <= KEEP) return [];
    const dated = await Promise.all(
      entries.map(async (id) => ({ id, time: (await stat(join(this.dir, id)).catch(() => undefined))?.mtimeMs ?? 0 })),
    );
    dated.sort((a, b) => b.time - a.time);
    const dropped = dated.slice(KEEP).map(({ id }) => id);
    await Promise.all(dropped.map((id) => rm(join(this.dir, id), { recursive: true, force: true })));
    return dropped;
  }
}
