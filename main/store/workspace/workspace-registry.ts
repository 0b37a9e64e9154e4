import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.ts';

const FORMAT_VERSION = 1;
/** Recently opened workspaces listed for switching. */
const MAX_RECENT = 20;

/** Per-person state about workspaces, kept in the data directory (not in the workspace, where git would see it). */
export interface RegistryDocument {
  /** The workspace opened last (absolute path). */
  current?: string;
  recent: string[];
  /** The environment selected in each collection: root → collection path → environment name. */
  selectedEnvironments: Record<string, Record<string, string>>;
}

/** `<data dir>/workspaces.json`: which workspace is open, the recent ones, and the selected environments. */
export class WorkspaceRegistry {
  private readonly path: string;
  private document: RegistryDocument | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.path = join(dataDir, 'workspaces.json');
  }

  async get(): Promise<RegistryDocument> {
    this.document ??= await load(this.path);
    return this.document;
  }

  async update(change: (document: RegistryDocument) => void): Promise<RegistryDocument> {
    const document = await this.get();
    change(document);
    document.recent = document.recent.slice(0, MAX_RECENT);
    const text = JSON.stringify({ formatVersion: FORMAT_VERSION, ...document }, null, 2) + '\n';
    const write = this.queue.then(() => writeFileAtomic(this.path, text));
    this.queue = write.catch(() => undefined);
    await write;
    return document;
  }
}

async function load(path: string): Promise<RegistryDocument> {
  const empty: RegistryDocument = { recent: [], selectedEnvironments: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return empty;
  }
  if (!raw || typeof raw !== 'object') return empty;
  const stored = raw as Partial<RegistryDocument>;
  const selected: Record<string, Record<string, string>> = {};
  if (stored.selectedEnvironments && typeof stored.selectedEnvironments === 'object') {
    for (const [root, byCollection] of Object.entries(stored.selectedEnvironments)) {
      if (!byCollection || typeof byCollection !== 'object') continue;
      const entries = Object.entries(byCollection).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
      selected[root] = Object.fromEntries(entries);
    }
  }
  return {
    current: typeof stored.current === 'string' ? stored.current : undefined,
    recent: Array.isArray(stored.recent) ? stored.recent.filter((entry): entry is string => typeof entry === 'string') : [],
    selectedEnvironments: selected,
  };
}
