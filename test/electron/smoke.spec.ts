import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedElectron } from '../../scripts/launcher.mjs';
import { startHttpFixture } from '../fixtures/servers/http-fixture.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** package.json "main": what `electron <ROOT>` runs. */
const MAIN_BUNDLE = join(ROOT, 'dist', 'main', 'electron-main.cjs');
const RENDERER_INDEX = join(ROOT, 'dist', 'renderer', 'index.html');

test('the desktop app starts locked down and sends a request through the real bridge', async () => {
  // Found exactly as `npm start` and node_modules/electron do, minus the download.
  const binary = installedElectron(ROOT);
  if ('reason' in binary) {
    const reason = `No Electron binary on this machine, so the Electron smoke test is skipped: ${binary.reason}.`;
    console.log(reason);
    test.skip(true, reason);
    return;
  }
  for (const built of [MAIN_BUNDLE, RENDERER_INDEX]) {
    expect(existsSync(built), `${built} is missing: run \`npm run build\` first`).toBe(true);
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'shuttle-electron-'));
  const api = await startHttpFixture();
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
  // Chromium refuses to start its OS sandbox as root (CI containers); the JS-level sandbox of the
  // page and preload, which this test checks, is unaffected by the switch.
  const args = process.getuid?.() === 0 ? ['--no-sandbox', ROOT] : [ROOT];
  const app = await electron.launch({ executablePath: binary.path, args, env: { ...env, SHUTTLE_DATA_DIR: dataDir } });
  try {
    const page = await app.firstWindow();
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/shuttle\//);

    // The page sees the two bridge functions and nothing of Node or Electron.
    const surface = await page.evaluate(() => {
      const bridge = (window as unknown as { shuttle?: Record<string, unknown> }).shuttle;
      return {
        bridge: bridge ? Object.keys(bridge).sort() : null,
        bridgeTypes: bridge ? Object.values(bridge).map((member) => typeof member) : null,
        require: typeof require,
        process: typeof process,
        module: typeof module,
        // Denied without opening anything: not an http(s) URL, so not even the system browser.
        windowOpen: window.open('file:///etc/hosts') === null,
      };
    });
    expect(surface).toEqual({
      bridge: ['invoke', 'onEvent'],
      bridgeTypes: ['function', 'function'],
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      windowOpen: true,
    });

    await page.getByTestId('url-input').fill(`${api.url}/json`);
    await page.getByTestId('send-button').click();
    await expect(page.getByTestId('response-status')).toContainText('200');
    expect(api.requests.map((request) => request.path)).toContain('/json');
  } finally {
    await app.close();
    await api.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
