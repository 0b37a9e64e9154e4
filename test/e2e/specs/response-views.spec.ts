import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { BIG_BODY_MARKER, startContentFixture, type ContentFixture } from '../../fixtures/servers/content-fixture.ts';
import { expect, test as base } from '../fixtures/test.ts';

const test = base.extend<{ content: ContentFixture }>({
  content: async ({}, use) => {
    const fixture = await startContentFixture();
    await use(fixture);
    await fixture.close();
  },
});

test('JSON: pretty by default, a collapsible tree, and a JSONPath filter shown in the same views', async ({ shuttle, api, page }) => {
  await shuttle.compose('GET', `${api.url}/json`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  await expect.poll(() => shuttle.shownBody()).toContain('"name": "Shuttle"');

  await page.getByTestId('response-view-tree').check();
  const tree = page.getByTestId('json-tree');
  await expect(tree.locator('[data-path="$.tags[1]"]')).toContainText('"websocket"');
  await tree.locator('[data-path="$.nested"] .tree-toggle').first().click();
  await expect(tree.locator('[data-path="$.nested.ok"]')).toHaveCount(0);
  await shuttle.screenshot('response-tree');

  await page.getByTestId('response-filter').fill('$.tags[*]');
  await expect(tree.locator('[data-path="$[0]"]')).toContainText('"http"');
  await page.getByTestId('response-view-pretty').check();
  await expect.poll(() => shuttle.shownBody()).toBe('[\n  "http",\n  "websocket"\n]');

  await page.getByTestId('response-filter').fill('$[?(@.a ==');
  await expect(page.getByTestId('filter-problem')).toBeVisible();
});

test('search finds every match, steps through them and supports regular expressions', async ({ shuttle, api, page }) => {
  await shuttle.compose('GET', `${api.url}/json`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  await page.getByTestId('response-search').fill('SHUTTLE');
  await expect(page.getByTestId('search-count')).toHaveText('1 of 1');
  await page.getByTestId('response-search').fill('"(http|websocket)"');
  await expect(page.getByTestId('search-count')).toHaveText('No matches');
  await page.getByTestId('search-regex').check();
  await expect(page.getByTestId('search-count')).toHaveText('1 of 2');
  await page.getByTestId('search-next').click();
  await expect(page.getByTestId('search-count')).toHaveText('2 of 2');
  await expect(shuttle.responseBody.locator('.cm-search-active')).toHaveText('"websocket"');
});

test('a PNG shows as an image and as hex, and Save writes the exact bytes', async ({ shuttle, content, page }) => {
  await shuttle.compose('GET', `${content.url}/png`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  const image = page.getByTestId('preview-image');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(24);
  await shuttle.screenshot('response-image');

  await page.getByTestId('response-view-hex').check();
  await expect(page.getByTestId('response-hex')).toContainText('00000000  89 50 4e 47 0d 0a 1a 0a  00 00 00 0d 49 48 44 52  |.PNG........IHDR|');

  const download = page.waitForEvent('download');
  await page.getByTestId('response-save').click();
  const saved = await (await download).path();
  expect(createHash('sha256').update(await readFile(saved)).digest('hex')).toBe(content.pngSha256);
});

test('an HTML preview runs no script and loads nothing: the canary server gets zero hits', async ({ shuttle, content, page }) => {
  await shuttle.compose('GET', `${content.url}/html`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  await page.getByTestId('response-view-preview').check();
  const frame = page.frameLocator('[data-testid="preview-html"]');
  await expect(frame.locator('#title')).toHaveText('Preview works');
  // The document finished loading everything it was allowed to: nothing more can arrive later.
  await expect.poll(() => page.getByTestId('preview-html').evaluate((element: HTMLIFrameElement) => element.contentDocument === null)).toBe(true);
  await page.getByTestId('response-view-raw').check();
  await page.getByTestId('response-view-preview').check();
  await expect(frame.locator('#title')).toHaveText('Preview works');
  expect(content.canaryHits).toEqual([]);
  await shuttle.screenshot('response-html-preview');
});

test('invalid UTF-8 shows replacement characters and saves byte for byte', async ({ shuttle, content, page }) => {
  await shuttle.compose('GET', `${content.url}/invalid-utf8`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  await expect.poll(() => shuttle.shownBody()).toBe('ok \uFFFD\uFFFD \uFFFD( end');
  const download = page.waitForEvent('download');
  await page.getByTestId('response-save').click();
  expect(await readFile(await (await download).path())).toEqual(content.invalidUtf8);
});

test('a 100 MB body opens, scrolls to the end and finds a string near the end', async ({ shuttle, content, page }) => {
  test.setTimeout(120_000);
  await shuttle.compose('GET', `${content.url}/big?mb=100`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK', { timeout: 60_000 });
  const lines = page.getByTestId('response-lines');
  await expect(lines).toContainText('"id": 0', { timeout: 30_000 });
  await shuttle.screenshot('response-100mb');

  await lines.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(lines).toContainText(BIG_BODY_MARKER, { timeout: 30_000 });
  await lines.evaluate((element) => element.scrollTo(0, 0));

  await page.getByTestId('response-search').fill(BIG_BODY_MARKER);
  await expect(page.getByTestId('search-count')).toHaveText('1 of 1', { timeout: 30_000 });
  await expect(lines.locator('mark.search-active')).toHaveText(BIG_BODY_MARKER);
});

test('a server-sent event stream shows every event, live and in order', async ({ shuttle, content, page }) => {
  await shuttle.compose('GET', `${content.url}/sse?n=100`);
  await shuttle.send.click();
  const events = page.getByTestId('sse-events');
  // While it streams, the list is live (Send is Cancel) and grows.
  await expect(events).toHaveAttribute('data-live', 'true');
  await expect(shuttle.status).toHaveText('200 OK');
  await expect(events).toHaveAttribute('data-count', '100');
  await expect(events.getByTestId('sse-event').first()).toContainText('{"n":1}');
  const rows = events.locator('.sse-rows');
  await rows.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(events.getByTestId('sse-event').last()).toContainText('{"n":100}');
  const shown = await events.getByTestId('sse-event').locator('.sse-col-index').allTextContents();
  const numbers = shown.map(Number);
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  await shuttle.screenshot('response-sse');
});
