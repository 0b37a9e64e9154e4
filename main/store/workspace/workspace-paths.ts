import { lstat, realpath } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import { isWorkspacePath, itemNameSchema } from '../../../shared/model/workspace.ts';

/** File and directory names with a meaning (docs/workspace-format.md). */
export const WORKSPACE_FILE = 'workspace.yaml';
export const COLLECTION_FILE = 'collection.yaml';
export const FOLDER_FILE = 'folder.yaml';
export const ENVIRONMENTS_DIR = 'environments';
export const YAML_EXTENSION = '.yaml';

/** Request names that would collide with a settings file in the same directory. */
const RESERVED_REQUEST_NAMES = new Set(['collection', 'folder']);

export function requestFileName(name: string): string {
  return `${name}${YAML_EXTENSION}`;
}

/** A request's name is its file name without `.yaml`. */
export function nameOfRequestFile(fileName: string): string {
  return fileName.slice(0, -YAML_EXTENSION.length);
}

export function isRequestFileName(fileName: string): boolean {
  return fileName.endsWith(YAML_EXTENSION) && fileName !== COLLECTION_FILE && fileName !== FOLDER_FILE && !fileName.startsWith('.');
}

/** Refuses a name that cannot be a file name on every platform, with a reason the UI can show. */
export function checkName(name: string, kind: 'collection' | 'folder' | 'request' | 'environment', atCollectionRoot = false): string {
  const parsed = itemNameSchema.safeParse(name);
  if (!parsed.success) throw new ShuttleFailure('VALIDATION', `"${name}" cannot be used as a name: ${parsed.error.issues[0]?.message ?? 'invalid'}`, { name });
  if (kind === 'request' && RESERVED_REQUEST_NAMES.has(name.toLowerCase())) {
    throw new ShuttleFailure('VALIDATION', `"${name}" is reserved for the settings file of its folder`, { name });
  }
  if (kind === 'folder' && atCollectionRoot && name.toLowerCase() === ENVIRONMENTS_DIR) {
    throw new ShuttleFailure('VALIDATION', `"${name}" is reserved for the collection's environments`, { name });
  }
  return name;
}

/** The absolute path of a workspace-relative one; anything that could point outside the root is refused. */
export function absolutePath(root: string, relPath: string): string {
  if (!isWorkspacePath(relPath)) throw new ShuttleFailure('VALIDATION', `"${relPath}" is not a path inside the workspace`, { path: relPath });
  const absolute = join(root, ...relPath.split('/'));
  const rel = relative(root, absolute);
  if (rel === '' || rel.startsWith('..') || rel.includes(`..${sep}`)) {
    throw new ShuttleFailure('VALIDATION', `"${relPath}" is not a path inside the workspace`, { path: relPath });
  }
  return absolute;
}

/** The workspace-relative form of an absolute path under the root, with "/" separators. */
export function relativePath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

export function parentPath(relPath: string): string {
  const slash = relPath.lastIndexOf('/');
  return slash === -1 ? '' : relPath.slice(0, slash);
}

export function baseName(relPath: string): string {
  return relPath.slice(relPath.lastIndexOf('/') + 1);
}

/**
 * The real absolute path of a collection, folder or request that exists, to hand to the operating
 * system (a file manager). Checked like every other access: not a link itself, its real location
 * inside the real root.
 */
export async function existingItemPath(realRoot: string, relPath: string): Promise<string> {
  const absolute = absolutePath(realRoot, relPath);
  await assertInsideWorkspace(realRoot, absolute);
  const real = await realpath(absolute).catch(() => undefined);
  if (real === undefined) throw new ShuttleFailure('NOT_FOUND', `${relPath} does not exist`, { path: relPath });
  if (!real.startsWith(realRoot + sep)) throw new ShuttleFailure('VALIDATION', `${relPath} leads outside the workspace`, { path: relPath });
  return real;
}

/**
 * Refuses to touch a path that a symbolic link would carry outside the workspace: the target must
 * not itself be a link, and the real path of its nearest existing ancestor must be inside the real
 * root. Called before every read and write, so a link planted by hand (or by a git checkout) can
 * never make Shuttle read or write elsewhere.
 */
export async function assertInsideWorkspace(realRoot: string, absolute: string): Promise<void> {
  const link = await lstat(absolute).then(
    (stats) => stats.isSymbolicLink(),
    () => false,
  );
  if (link) throw new ShuttleFailure('VALIDATION', `${relativePath(realRoot, absolute)} is a symbolic link; Shuttle does not follow links in a workspace`, { path: relativePath(realRoot, absolute) });
  let ancestor = dirname(absolute);
  for (;;) {
    const real = await realpath(ancestor).catch(() => undefined);
    if (real !== undefined) {
      if (real !== realRoot && !real.startsWith(realRoot + sep)) {
        throw new ShuttleFailure('VALIDATION', `${relativePath(realRoot, absolute)} leads outside the workspace`, { path: relativePath(realRoot, absolute) });
      }
      return;
    }
    const up = dirname(ancestor);
    if (up === ancestor) return;
    ancestor = up;
  }
}
