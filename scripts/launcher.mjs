// How `npm start` finds Electron and what it runs instead when there is none; the Electron smoke
// test locates the binary with the same code. Types: launcher.d.mts.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Long enough for a first download of Electron on a slow line, short enough not to look hung. */
export const ELECTRON_PROBE_TIMEOUT_MS = 120_000;

/**
 * Asks the electron package for its binary in a child process, exactly as `require('electron')`
 * does: it honours ELECTRON_OVERRIDE_DIST_PATH and downloads the binary if it is missing.
 */
export function obtainElectron(root, { env = process.env, timeoutMs = ELECTRON_PROBE_TIMEOUT_MS } = {}) {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  if (probe.error || probe.status !== 0) return { reason: describeElectronFailure(probe, timeoutMs) };
  // The package may have printed "Downloading Electron binary..." first; the path is the last line.
  const path = probe.stdout.split('\n').at(-1).trim();
  return checkExecutable(path);
}

/**
 * The binary the electron package has already installed (or ELECTRON_OVERRIDE_DIST_PATH points
 * at), without ever downloading: node_modules/electron/index.js minus the download.
 */
export function installedElectron(root, env = process.env) {
  let packageDir;
  try {
    packageDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return checkExecutable(join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron'));
  if (!executable) return { reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)' };
  return checkExecutable(join(packageDir, 'dist', executable));
}

/** A short reason, for one sentence, from a failed `require('electron')` child process. */
export function describeElectronFailure(probe, timeoutMs = ELECTRON_PROBE_TIMEOUT_MS) {
  if (probe.error?.code === 'ETIMEDOUT' || probe.signal === 'SIGTERM') {
    return `looking for it or downloading it took longer than ${Math.round(timeoutMs / 1000)} s`;
  }
  if (probe.error) return `the check could not run: ${probe.error.message}`;
  const stderr = String(probe.stderr ?? '');
  if (/Cannot find module 'electron'/.test(stderr)) return 'the electron package is not installed';
  const errors = [...stderr.matchAll(/^(?:\w*Error): (.+)$/gm)].map((match) => match[1].trim());
  // electron's own "failed to install correctly, please delete node_modules…" hides the cause.
  const cause = errors.find((message) => !message.startsWith('Electron failed to install correctly')) ?? errors[0];
  if (!cause) return `require('electron') exited with status ${probe.status}`;
  const short = cause.length > 120 ? `${cause.slice(0, 117)}…` : cause;
  return /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo/.test(cause)
    ? `it is not installed and downloading it failed: ${short}`
    : short;
}

/**
 * What `npm start` runs: Electron on the app folder when a binary exists, else the web host with
 * the same arguments and one sentence saying why.
 */
export function planLaunch(electron, { root, args, execPath = process.execPath }) {
  if ('path' in electron) return { kind: 'electron', command: electron.path, args: [root, ...args] };
  return {
    kind: 'web',
    notice: `Electron could not be obtained on this machine (${electron.reason}), so Shuttle is serving the same UI in your browser instead.`,
    command: execPath,
    args: [join(root, 'main/hosts/web/serve.ts'), ...args],
  };
}

/**
 * Runs a command with inherited stdio until it exits, passing on SIGINT/SIGTERM/SIGHUP, and
 * resolves with the exit code to use. SIGINT is passed on as SIGTERM: Ctrl+C has already sent
 * SIGINT to the child (same process group), and a second SIGINT would cut its clean shutdown short.
 */
export function runForwardingSignals(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    const forward = { SIGINT: 'SIGTERM', SIGTERM: 'SIGTERM', SIGHUP: 'SIGHUP' };
    const handlers = Object.entries(forward).map(([received, sent]) => {
      const handler = () => child.kill(sent);
      process.on(received, handler);
      return [received, handler];
    });
    const cleanUp = () => handlers.forEach(([signal, handler]) => process.off(signal, handler));
    child.once('error', (error) => {
      cleanUp();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      cleanUp();
      resolve(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
    });
  });
}

function checkExecutable(path) {
  if (!path) return { reason: 'the electron package named no binary' };
  try {
    if (!statSync(path).isFile()) return { reason: `${path} is not a file` };
    accessSync(path, constants.X_OK);
  } catch {
    return { reason: `there is no executable at ${path}` };
  }
  return { path };
}
