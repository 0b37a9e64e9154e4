import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ShuttleFailure } from '../../../../../shared/contract/errors.ts';
import { PAYLOAD_BYTES, payload } from '../../../../fixtures/processes/workspace-save-loop.ts';
import { failureOf } from '../../../helpers/failure.ts';
import { tempDir } from '../../../helpers/temp-dir.ts';
import { http, openTestWorkspace } from '../../../helpers/workspace.ts';

const SAVE_LOOP = fileURLToPath(new URL('../../../../fixtures/processes/workspace-save-loop.ts', import.meta.url));
const KILLS = 200;
const LANES = 4;
const VERSIONED = new RegExp(`^v(\\d+):x+$`);

/**
 * The save loop as one JavaScript file: the same store code, bundled once, so each of the hundreds
 * of starts skips type stripping and module resolution (the kill is the point, not the start).
 */
async function bundleSaveLoop(): Promise<string> {
  const outfile = join(await tempDir(), 'workspace-save-loop.mjs');
  await build({
    entryPoints: [SAVE_LOOP],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    logLevel: 'error',
    // Bundled CommonJS packages (yaml) still call require() for Node built-ins.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return outfile;
}

/** Starts the save loop, waits until it is saving, lets it run a random few ms, and kills it with SIGKILL. */
function killMidSave(saveLoop: string, dataDir: string, root: string, startVersion: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [saveLoop, dataDir, root], {
      env: { ...process.env, START_VERSION: String(startVersion), SHUTTLE_SAVE_LOOP: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (data: Buffer) => (errors += data.toString()));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), Math.random() * 20));
    child.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`save loop exited with ${code}: ${errors}`))));
  });
}

/** The version a file holds, after checking it is one whole version (never empty, never torn). */
function versionIn(text: string, what: string): number {
  const match = VERSIONED.exec(text);
  if (!match || text.length !== PAYLOAD_BYTES) throw new Error(`${what} holds a torn or empty version (${text.length} bytes)`);
  return Number(match[1]);
}

describe('workspace durability', () => {
  it(`every file is a whole old or new version after ${KILLS} SIGKILLs in the middle of saving`, { timeout: 120_000 }, async () => {
    const lanes = await Promise.all(
      Array.from({ length: LANES }, async () => {
        const opened = await openTestWorkspace();
        await opened.workspace.createCollection('Shop');
        for (const name of ['Loop', 'Other']) await opened.workspace.saveRequest({ parent: 'Shop', name, request: http({ body: { mode: 'text', text: payload(0) } }) });
        await opened.workspace.saveEnvironment('Shop', { name: 'loop', variables: [{ name: 'value', value: payload(0), enabled: true, secret: false }] });
        return opened;
      }),
    );

    const saveLoop = await bundleSaveLoop();
    let kills = 0;
    await Promise.all(
      lanes.map(async ({ workspace, dataDir, root }) => {
        for (let run = 0; run < KILLS / LANES; run++) {
          await killMidSave(saveLoop, dataDir, root, run * 1_000_000 + 1);
          kills += 1;
          // Read back through the store, as the app would on its next start.
          for (const path of ['Shop/Loop.yaml', 'Shop/Other.yaml']) {
            const read = await workspace.readRequest(path);
            versionIn(read.request.kind === 'http' ? read.request.spec.body.text : '', path);
          }
          const [environment] = await workspace.listEnvironments('Shop');
          versionIn(environment?.variables[0]?.value ?? '', 'environments/loop.yaml');
          expect((await workspace.tree()).problems).toEqual([]);
        }
      }),
    );

    expect(kills).toBe(KILLS);
  });

  it('a save the disk refuses fails with STORAGE and leaves the file exactly as it was', async () => {
    const { root, dataDir } = await openTestWorkspace().then(async (opened) => {
      await opened.workspace.createCollection('Shop');
      await opened.workspace.saveRequest({ parent: 'Shop', name: 'Kept', request: http({ url: '/before' }) });
      return opened;
    });
    const before = await readFile(join(root, 'Shop', 'Kept.yaml'), 'utf8');
    const diskFull = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    // The same workspace opened over a file system that is full.
    const { workspace } = await openTestWorkspace({ root, dataDir, writeFile: diskFull });
    const loaded = await workspace.readRequest('Shop/Kept.yaml');

    const failure = await failureOf(workspace.saveRequest({ path: 'Shop/Kept.yaml', ifRevision: loaded.revision, request: http({ url: '/after' }) }));

    expect(failure).toBeInstanceOf(ShuttleFailure);
    expect(failure.toError()).toEqual({
      code: 'STORAGE',
      message: 'Could not write Shop/Kept.yaml: ENOSPC',
      detail: { path: 'Shop/Kept.yaml', reason: 'ENOSPC' },
    });
    expect(await readFile(join(root, 'Shop', 'Kept.yaml'), 'utf8')).toBe(before);
    expect(await readdir(join(root, 'Shop'))).toEqual(['Kept.yaml', 'collection.yaml']);
  });

  it('a collection or folder that cannot get its settings file is not left half-made', async () => {
    const readOnly = async () => {
      throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    };
    const { workspace, root } = await openTestWorkspace({ writeFile: readOnly });

    expect((await failureOf(workspace.createCollection('Shop'))).code).toBe('STORAGE');
    expect(await readdir(root)).toEqual([]);
  });
});
