import { defineConfig } from '@playwright/test';

/**
 * The Electron smoke test (`npm run test:electron`). It needs a real Electron binary; where none
 * exists (offline machines, this one) it reports itself skipped with the reason.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/electron',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
});
