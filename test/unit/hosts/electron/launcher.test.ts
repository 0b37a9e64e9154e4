// scripts/launcher.mjs: how `npm start` finds Electron and what it runs when there is none.
import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  describeElectronFailure,
  installedElectron,
  obtainElectron,
  planLaunch,
  runForwardingSignals,
} from '../../../../scripts/launcher.mjs';
import { tempDir } from '../../helpers/temp-dir.ts';
import { waitFor } from '../../helpers/wait-for.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** What `require('electron')` printed on this offline machine (trimmed). */
const OFFLINE_STDERR = `TypeError: fetch failed
/work/main/node_modules/electron/index.js:43
      throw new Error(
      ^

Error: Electron failed to install correctly. Please delete \`node_modules/electron\` and run "npx install-electron --no" manually.
    at getElectronPath (/work/main/node_modules/electron/index.js:43:13)
`;

async function executable(path: string, mode = 0o755) {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, '#!/bin/sh\nexit 0\n');
  await chmod(path, mode);
  return path;
}

describe('npm start without an Electron binary', () => {
  it('falls back to the web host with the same arguments, saying why in one sentence', () => {
    const plan = planLaunch(
      { reason: 'it is not installed and downloading it failed: fetch failed' },
      { root: '/repo', args: ['--data-dir', '/tmp/d'], execPath: '/node24' },
    );

    expect(plan).toEqual({
      kind: 'web',
      notice:
        'Electron could not be obtained on this machine (it is not installed and downloading it failed: fetch failed), so Shuttle is serving the same UI in your browser instead.',
      command: '/node24',
      args: [join('/repo', 'main/hosts/web/serve.ts'), '--data-dir', '/tmp/d'],
    });
  });

  it('runs Electron on the app folder with the same arguments when a binary exists', () => {
    expect(planLaunch({ path: '/bin/electron' }, { root: '/repo', args: ['--data-dir', '/tmp/d'] })).toEqual({
      kind: 'electron',
      command: '/bin/electron',
      args: ['/repo', '--data-dir', '/tmp/d'],
    });
  });

  it('names the cause of an offline failure, not electron\'s generic "delete node_modules" advice', () => {
    expect(describeElectronFailure({ status: 1, signal: null, stderr: OFFLINE_STDERR })).toBe(
      'it is not installed and downloading it failed: fetch failed',
    );
  });

  it('says when looking for Electron took too long', () => {
    const timedOut = Object.assign(new Error('spawnSync node ETIMEDOUT'), { code: 'ETIMEDOUT' });
    expect(describeElectronFailure({ status: null, signal: 'SIGTERM', stderr: '', error: timedOut }, 120_000)).toBe(
      'looking for it or downloading it took longer than 120 s',
    );
  });
});

describe('obtaining the Electron binary through the electron package', () => {
  it('uses ELECTRON_OVERRIDE_DIST_PATH when it holds an executable', async () => {
    const dist = await tempDir();
    const binary = await executable(join(dist, 'electron'));

    expect(obtainElectron(ROOT, { env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist } })).toEqual({ path: binary });
  });

  it('reports a missing binary instead of launching nothing', async () => {
    const empty = await tempDir();

    expect(obtainElectron(ROOT, { env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty } })).toEqual({
      reason: `there is no executable at ${join(empty, 'electron')}`,
    });
  });
});

describe('finding an installed Electron without downloading (the smoke test)', () => {
  /** A project folder with a fake electron package, optionally "downloaded". */
  async function projectWithElectronPackage(downloaded: boolean) {
    const root = await tempDir();
    await writeFile(join(root, 'package.json'), '{"name":"p","private":true}');
    const packageDir = join(root, 'node_modules', 'electron');
    await mkdir(packageDir, { recursive: true });
    await writeFile(join(packageDir, 'package.json'), '{"name":"electron","version":"45.0.0"}');
    if (downloaded) {
      await writeFile(join(packageDir, 'path.txt'), 'electron');
      await executable(join(packageDir, 'dist', 'electron'));
    }
    return { root, packageDir };
  }

  it('finds the binary the package downloaded', async () => {
    const { root, packageDir } = await projectWithElectronPackage(true);

    expect(installedElectron(root, {})).toEqual({ path: join(packageDir, 'dist', 'electron') });
  });

  it('explains that the binary was never downloaded', async () => {
    const { root } = await projectWithElectronPackage(false);

    expect(installedElectron(root, {})).toEqual({
      reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)',
    });
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH, and refuses a file that is not executable', async () => {
    const { root } = await projectWithElectronPackage(true);
    const dist = await tempDir();
    await executable(join(dist, 'electron'), 0o644);

    expect(installedElectron(root, { ELECTRON_OVERRIDE_DIST_PATH: dist })).toEqual({
      reason: `there is no executable at ${join(dist, 'electron')}`,
    });
  });
});

describe('running the chosen host', () => {
  it('passes Ctrl+C on to the child as SIGTERM, resolves with its exit code and removes its signal handlers', async () => {
    const dir = await tempDir();
    const readyFile = join(dir, 'ready');
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const listenersBefore = signals.map((signal) => process.listeners(signal));
    const before = process.listeners('SIGINT');
    const childScript = `
      process.on('SIGTERM', () => process.exit(7));
      require('node:fs').writeFileSync(${JSON.stringify(readyFile)}, '');
      setInterval(() => {}, 1000);`;

    const exit = runForwardingSignals(process.execPath, ['-e', childScript], { stdio: 'ignore' });
    const added = process.listeners('SIGINT').filter((listener) => !before.includes(listener));
    expect(added).toHaveLength(1);
    await waitFor(() => existsSync(readyFile), 10_000, 'the child to start');
    added[0]!('SIGINT');

    await expect(exit).resolves.toBe(7);
    expect(signals.map((signal) => process.listeners(signal))).toEqual(listenersBefore);
  });
});
