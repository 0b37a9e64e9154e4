// Rebuilds the renderer or the Electron bundle only when a source file is newer than the output,
// so `npm start` and `npm run serve` are quick the second time. Shared by start.mjs and serve.mjs.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMain, HISTORY_WRITER_BUNDLE, MAIN_BUNDLE, PRELOAD_BUNDLE } from './build-main.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.git']);

/** Newest modification time (ms) of any file under the given paths; 0 when there is none. */
export function newestMtime(paths) {
  let newest = 0;
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      continue;
    }
    if (!stats.isDirectory()) {
      newest = Math.max(newest, stats.mtimeMs);
      continue;
    }
    const children = readdirSync(path, { withFileTypes: true })
      .filter((entry) => !(entry.isDirectory() && SKIPPED_DIRS.has(entry.name)))
      .map((entry) => join(path, entry.name));
    newest = Math.max(newest, newestMtime(children));
  }
  return newest;
}

/** True when an output is missing or older than any of its sources. */
export function isStale(outputs, sources) {
  let oldestOutput = Infinity;
  for (const output of outputs) {
    try {
      oldestOutput = Math.min(oldestOutput, statSync(output).mtimeMs);
    } catch {
      return true;
    }
  }
  return newestMtime(sources) > oldestOutput;
}

/** Builds dist/renderer with Vite when it is missing or older than renderer/ or shared/. */
export function ensureRendererBuilt(root = ROOT) {
  if (!isStale([join(root, 'dist/renderer/index.html')], [join(root, 'renderer'), join(root, 'shared')])) return;
  console.log('Building the Shuttle UI…');
  const vite = join(dirname(createRequire(join(root, 'package.json')).resolve('vite/package.json')), 'bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the UI failed (see the Vite output above)');
}

/** Bundles the Electron main process and preload when they are missing or older than main/ or shared/. */
export async function ensureMainBuilt(root = ROOT) {
  const outputs = [join(root, MAIN_BUNDLE), join(root, PRELOAD_BUNDLE), join(root, HISTORY_WRITER_BUNDLE)];
  if (!isStale(outputs, [join(root, 'main'), join(root, 'shared')])) return;
  await buildMain();
}
