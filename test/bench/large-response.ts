/**
 * The large-response benchmark (QUALITY.md): 1, 10 and 100 MB JSON bodies from a loopback server
 * shown in the real UI in Chromium through the web host. Measures the time from the last byte
 * (the response's status appearing: the engine answers once the body is complete) to the first
 * rendered lines of the Pretty view, the longest main-thread task during load and during a search
 * for a string near the end, and the renderer's JS heap after load. Method: docs/benchmarks.md.
 */
import { chromium, type Page } from '@playwright/test';
import config, { CHROMIUM_PATH } from '../e2e/playwright.config.ts';
import { startWebHostProcess } from '../e2e/fixtures/web-host-process.ts';
import { BIG_BODY_MARKER, startContentFixture } from '../fixtures/servers/content-fixture.ts';

const SIZES_MB = (process.env.SHUTTLE_BENCH_MB ?? "1,10,100").split(",").map(Number);

export interface LargeResponseFigures {
  bodyMb: number;
  lastByteToFirstScreenMs: number;
  longestTaskDuringLoadMs: number;
  searchMs: number;
  longestTaskDuringSearchMs: number;
  heapBeforeMb: number;
  heapAfterLoadMb: number;
  /** Heap growth from before the request to after the body is shown, relative to the body size. */
  heapGrowthToBodyRatio: number;
}

/** Installed before the app loads: collects long tasks and the moments the status and the first body line appear. */
function installProbes(): void {
  const probes = { longTasks: [] as { start: number; duration: number }[], statusAt: 0, firstLinesAt: 0 };
  Object.assign(window, { __shuttleBench: probes });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probes.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (!probes.statusAt && document.querySelector('[data-testid="response-status"]')) probes.statusAt = performance.now();
    if (!probes.firstLinesAt && probes.statusAt) {
      const line = document.querySelector('[data-testid="response-body"] .cm-line');
      if (line && (line.textContent ?? '').trim() !== '') probes.firstLinesAt = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

interface Probes {
  longTasks: { start: number; duration: number }[];
  statusAt: number;
  firstLinesAt: number;
}
const probesOf = (page: Page) => page.evaluate(() => (window as unknown as { __shuttleBench: Probes }).__shuttleBench) as Promise<Probes>;
const longestBetween = (tasks: Probes['longTasks'], from: number, to: number) =>
  Math.round(Math.max(0, ...tasks.filter((task) => task.start + task.duration >= from && task.start <= to).map((task) => task.duration)));

export async function largeResponseBench(): Promise<{ what: string; targets: Record<string, string>; runs: LargeResponseFigures[] }> {
  const content = await startContentFixture();
  const browser = await chromium.launch({ ...config.use?.launchOptions, executablePath: CHROMIUM_PATH });
  const runs: LargeResponseFigures[] = [];
  try {
    for (const mb of SIZES_MB) {
      // A fresh host and page per size, so one run's memory does not count against the next.
      const host = await startWebHostProcess();
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await page.addInitScript(installProbes);
        await page.goto(host.launchUrl);
        await page.locator('[data-app-state="ready"]').waitFor();
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
        await page.getByTestId('url-input').fill(`${content.url}/big?mb=${mb}`);
        await page.getByTestId('send-button').click();
        await page.waitForFunction(() => (window as unknown as { __shuttleBench: Probes }).__shuttleBench.firstLinesAt > 0, undefined, { timeout: 120_000, polling: 50 });
        const loaded = await probesOf(page);

        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');

        const searchStart = await page.evaluate(() => performance.now());
        await page.getByTestId('response-search').fill(BIG_BODY_MARKER);
        await page.getByTestId('search-count').filter({ hasText: '1 of 1' }).waitFor({ timeout: 120_000 });
        const searchEnd = await page.evaluate(() => performance.now());
        const searched = await probesOf(page);

        runs.push({
          bodyMb: mb,
          lastByteToFirstScreenMs: Math.round(loaded.firstLinesAt - loaded.statusAt),
          longestTaskDuringLoadMs: longestBetween(loaded.longTasks, loaded.statusAt - 1, loaded.firstLinesAt),
          searchMs: Math.round(searchEnd - searchStart),
          longestTaskDuringSearchMs: longestBetween(searched.longTasks, searchStart, searchEnd),
          heapBeforeMb: Math.round((before / 1024 / 1024) * 10) / 10,
          heapAfterLoadMb: Math.round((usedSize / 1024 / 1024) * 10) / 10,
          heapGrowthToBodyRatio: Math.round(((usedSize - before) / (mb * 1024 * 1024)) * 100) / 100,
        });
      } finally {
        await page.close();
        await host.dispose();
      }
    }
  } finally {
    await browser.close();
    await content.close();
  }
  return {
    what: 'JSON bodies of 1, 10 and 100 MB from a loopback server, opened in the Pretty view of the real UI (Chromium, web host)',
    targets: { lastByteToFirstScreenMs: '<= 2000', longestTaskMs: '< 200', heapGrowthToBodyRatio: '< 2' },
    runs,
  };
}
