import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where settings, history and the default workspace live: `--data-dir`, else SHUTTLE_DATA_DIR,
 * else the platform's app-data folder (the same one Electron's `userData` points at).
 */
export function resolveDataDir(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.SHUTTLE_DATA_DIR) return env.SHUTTLE_DATA_DIR;
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Shuttle');
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'Shuttle');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Shuttle');
  }
}
