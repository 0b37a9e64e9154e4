import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORDS } from '../../fixtures/servers/http-fixture.ts';
import { seedHistory } from '../fixtures/seed-history.ts';
import { expect, test } from '../fixtures/test.ts';
import { startWebHostProcess } from '../fixtures/web-host-process.ts';
import { DiffViewPage, HistoryPanelPage } from '../pages/history-panel.ts';
import { ShuttlePage } from '../pages/shuttle-page.ts';

test('send three requests, find the second by a word only its response contains, and reopen it as it was', async ({ shuttle, api }) => {
  const history = new HistoryPanelPage(shuttle.page);
  for (const index of [0, 1, 2]) {
    await shuttle.compose('GET', `${api.url}/word/${index}`);
    if (index === 1) await shuttle.addHeader('X-Second', 'yes');
    await shuttle.send.click();
    await expect(shuttle.status).toHaveText('200 OK');
    // The list follows each send live.
    await expect(history.items).toHaveCount(index + 1);
  }
  await expect(history.items.first()).toContainText('/word/2');
  await shuttle.screenshot('history-panel');

  // "quokka" is in the second response's body only: not in any URL, header or other body.
  await history.search.fill(WORDS[1]!);
  await expect(history.items).toHaveCount(1);
  await expect(history.items.first()).toContainText('/word/1');
  await expect(history.items.first()).toContainText('200');

  await history.open(history.items.first());
  await expect(shuttle.page.getByTestId('tab')).toHaveCount(2);
  await expect(shuttle.url).toHaveValue(`${api.url}/word/1`);
  await expect(shuttle.method).toHaveValue('GET');
  await shuttle.openRequestSection('Headers');
  await expect(shuttle.headers.getByTestId('kv-name').first()).toHaveValue('X-Second');
  await expect(shuttle.headers.getByTestId('kv-value').first()).toHaveValue('yes');
  // The stored response is shown, without sending again.
  await expect(shuttle.status).toHaveText('200 OK');
  await expect.poll(() => shuttle.shownBody()).toContain(`"word": "${WORDS[1]}"`);
  expect(api.requests.filter((request) => request.path === '/word/1')).toHaveLength(1);
});

test('two responses of a changing server compared: only the changed JSON field is highlighted', async ({ shuttle, api }) => {
  const history = new HistoryPanelPage(shuttle.page);
  await shuttle.compose('GET', `${api.url}/counter`);
  await shuttle.send.click();
  await expect.poll(() => shuttle.shownBody()).toContain('"count": 1');
  await shuttle.send.click();
  await expect.poll(() => shuttle.shownBody()).toContain('"count": 2');
  await expect(history.items).toHaveCount(2);

  await history.act(history.items.nth(0), 'diff-select');
  await history.act(history.items.nth(1), 'diff-select');
  await expect(history.items.nth(0)).toHaveAttribute('data-selected', 'true');
  await history.compareSelected();

  const diff = new DiffViewPage(shuttle.page);
  await expect(diff.root).toHaveAttribute('data-state', 'ready');
  await expect(diff.changedRows).toHaveCount(1);
  await expect(diff.changedRows).toContainText('"count": 1,');
  await expect(diff.changedRows).toContainText('"count": 2,');
  await expect(diff.changedRows).toHaveAttribute('title', '$.count');
  // Everything else is there, unhighlighted.
  await expect(diff.body).toContainText('"name": "counter"');
  await expect(diff.body).toContainText('"unit": "calls"');
  await expect(diff.summary).toContainText('$.count');
  await shuttle.screenshot('diff-view');

  await diff.layout('unified');
  await expect(diff.changedRows).toHaveCount(2);
  await expect(diff.changedRows.first()).toHaveAttribute('data-change', 'removed');
  await expect(diff.changedRows.last()).toHaveAttribute('data-change', 'added');
  await shuttle.screenshot('diff-view-unified');

  // Volatile headers (X-Request-Id changes on every call, Date may tick) are hidden until asked for.
  await diff.showHeaders();
  await expect(diff.headers.locator('[data-change]')).toHaveCount(0);
  await expect(diff.headers).not.toContainText('X-Request-Id');
  await diff.root.getByTestId('diff-ignore-volatile').uncheck();
  await expect(diff.headers.locator('tr', { hasText: 'X-Request-Id' })).toHaveAttribute('data-change', 'changed');
  await shuttle.screenshot('diff-view-headers');
  await shuttle.page.keyboard.press('Escape');
  await expect(diff.root).toBeHidden();
});

test('"Compare" in the response bar diffs against the previous response of the same request', async ({ shuttle, api }) => {
  const diff = new DiffViewPage(shuttle.page);
  await shuttle.compose('GET', `${api.url}/counter`);
  await shuttle.send.click();
  await expect.poll(() => shuttle.shownBody()).toContain('"count": 1');

  await shuttle.page.getByTestId('compare-previous').click();
  await expect(diff.root).toHaveAttribute('data-state', 'no-previous');
  await expect(diff.root).toContainText('no earlier response');
  await shuttle.page.keyboard.press('Escape');

  await shuttle.send.click();
  await expect.poll(() => shuttle.shownBody()).toContain('"count": 2');
  await shuttle.page.getByTestId('compare-previous').click();
  await expect(diff.root).toHaveAttribute('data-state', 'ready');
  await expect(diff.changedRows).toHaveCount(1);
  await expect(diff.changedRows).toContainText('"count": 2');
});

test('filters, delete, send again, and clear all after confirming', async ({ shuttle, api }) => {
  const history = new HistoryPanelPage(shuttle.page);
  await shuttle.compose('GET', `${api.url}/json`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  await shuttle.compose('POST', `${api.url}/echo`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  await shuttle.compose('GET', `${api.url}/status/404`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('404 Not Found');
  await expect(history.items).toHaveCount(3);

  await history.filterBy('status', '4xx');
  await expect(history.items).toHaveCount(1);
  await expect(history.items.first()).toContainText('/status/404');
  await history.filterBy('status', '');
  await history.filterBy('method', 'POST');
  await expect(history.items).toHaveCount(1);
  await expect(history.items.first()).toContainText('/echo');
  await shuttle.screenshot('history-filters');
  await history.filterBy('method', '');
  await expect(history.items).toHaveCount(3);

  await history.act(history.item('/echo'), 'history-delete');
  await expect(history.items).toHaveCount(2);
  await expect(history.item('/echo')).toHaveCount(0);

  // Send again: a new tab with that request, sent at once, and a new entry on top.
  await history.act(history.item('/json'), 'history-resend');
  await expect(shuttle.page.getByTestId('tab')).toHaveCount(2);
  await expect(shuttle.url).toHaveValue(`${api.url}/json`);
  await expect(shuttle.status).toHaveText('200 OK');
  await expect(history.items).toHaveCount(3);
  await expect(history.items.first()).toContainText('/json');
  expect(api.requests.filter((request) => request.path === '/json')).toHaveLength(2);

  await shuttle.page.getByTestId('history-clear').click();
  const confirm = shuttle.page.getByTestId('history-clear-dialog');
  await expect(confirm).toContainText('all 3 requests');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(history.items).toHaveCount(3);
  await shuttle.page.getByTestId('history-clear').click();
  await shuttle.page.getByTestId('history-clear-confirm').click();
  await expect(history.empty).toBeVisible();
  await expect(history.items).toHaveCount(0);
});

test('retention limits are settings: a lower maximum trims the history in the background', async ({ shuttle, api }) => {
  const history = new HistoryPanelPage(shuttle.page);
  for (const index of [0, 1, 2]) {
    await shuttle.compose('GET', `${api.url}/word/${index}`);
    await shuttle.send.click();
    await expect(history.items).toHaveCount(index + 1);
  }
  await shuttle.page.getByTestId('open-settings').click();
  const maxEntries = shuttle.page.getByTestId('settings-history-max-entries');
  await expect(maxEntries).toHaveValue('100000');
  await shuttle.page.getByTestId('settings-history').scrollIntoViewIfNeeded();
  await shuttle.screenshot('settings-history');
  await maxEntries.fill('2');
  await shuttle.page.keyboard.press('Tab');
  await shuttle.page.keyboard.press('Escape');

  // The next send goes over the limit; the two newest stay.
  await shuttle.compose('GET', `${api.url}/word/3`);
  await shuttle.send.click();
  await expect(history.items).toHaveCount(2);
  await expect(history.items.first()).toContainText('/word/3');
  await expect(history.items.last()).toContainText('/word/2');
});

test('a long history is virtualised: few rows in the page, older pages load while scrolling', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'shuttle-e2e-'));
  await seedHistory(dataDir, 3_000);
  const host = await startWebHostProcess(dataDir);
  try {
    const shuttle = new ShuttlePage(page);
    await shuttle.open(host.launchUrl);
    const history = new HistoryPanelPage(page);
    await expect(history.itemWithPath('/v1/items/2999')).toHaveCount(1);
    // Only what is in view (plus a margin) is in the DOM, not 3,000 rows.
    expect(await history.items.count()).toBeLessThan(60);

    await history.search.fill('"seeded item 1234"');
    await expect(history.items).toHaveCount(1);
    await expect(history.items.first()).toContainText('/v1/items/1234');
    await history.search.fill('');

    // Scrolling to the end repeatedly pulls in older pages until the oldest entry shows.
    const scroller = page.locator('.history-scroll');
    await expect(async () => {
      await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await expect(history.itemWithPath('/v1/items/0')).toHaveCount(1, { timeout: 100 });
    }).toPass({ intervals: [50], timeout: 20_000 });
    expect(await history.items.count()).toBeLessThan(60);
    await shuttle.screenshot('history-long');
  } finally {
    await host.dispose();
  }
});

test('a damaged history database is moved aside and the History panel says so', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'shuttle-e2e-'));
  await writeFile(join(dataDir, 'history.db'), 'definitely not a database '.repeat(200));
  const host = await startWebHostProcess(dataDir);
  try {
    const shuttle = new ShuttlePage(page);
    await shuttle.open(host.launchUrl);
    const history = new HistoryPanelPage(page);
    await expect(history.notice).toHaveAttribute('data-kind', 'corrupt');
    await expect(history.notice).toContainText('The history database was damaged');
    await expect(history.notice).toContainText('history.db.corrupt-');
    await expect(history.empty).toBeVisible();
    await shuttle.screenshot('history-notice');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(history.notice).toBeHidden();
  } finally {
    await host.dispose();
  }
});
