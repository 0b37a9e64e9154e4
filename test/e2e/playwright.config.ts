import { defineConfig } from '@playwright/test';

/** Debian's Chromium (Playwright cannot download its own browsers on these machines). */
export const CHROMIUM_PATH = process.env.SHUTTLE_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './specs',
  outputDir: '../../test-results/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
