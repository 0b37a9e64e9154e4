import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '../fixtures/test.ts';

const run = promisify(execFile);

test('the params table and the URL edit each other, keeping order, duplicates and encoding', async ({ shuttle, api }) => {
  await shuttle.url.fill(`${api.url}/echo?b=2&a=1&b=3`);
  await shuttle.openRequestSection('Params');
  const table = shuttle.page.getByTestId('params-table');
  await expect(table.getByTestId('kv-name')).toHaveCount(4); // three rows and the blank one
  await expect(table.getByTestId('kv-value').nth(2)).toHaveValue('3');

  await table.getByTestId('kv-value').nth(1).fill('x&y');
  await expect(shuttle.url).toHaveValue(`${api.url}/echo?b=2&a=x%26y&b=3`);
  await table.getByTestId('kv-enabled').first().uncheck();
  await expect(shuttle.url).toHaveValue(`${api.url}/echo?a=x%26y&b=3`);
  await table.getByTestId('kv-name').last().fill('new');
  await expect(shuttle.url).toHaveValue(`${api.url}/echo?a=x%26y&b=3&new`);

  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  expect(api.requests.at(-1)?.path).toBe('/echo?a=x%26y&b=3&new');
  await shuttle.screenshot('params-table');
});

test('path parameters get their own table and are substituted when sent', async ({ shuttle, api }) => {
  await shuttle.url.fill(`${api.url}/echo/:id/items/:item`);
  await shuttle.openRequestSection('Params');
  const table = shuttle.page.getByTestId('path-params-table');
  await table.getByLabel('Value :id').fill('42');
  await table.getByLabel('Value :item').fill('a b');
  await shuttle.send.click();
  await expect(shuttle.status).toBeVisible();
  expect(api.requests.at(-1)?.path).toBe('/echo/42/items/a%20b');
});

test('a pasted cURL command fills the editor and sends the same bytes curl sends', async ({ shuttle, api, page }) => {
  const command = `curl '${api.url}/echo?from=curl' -X PUT -H 'Content-Type: application/json' -H 'X-Trace: t-1' --data-raw '{"name":"Ada","n":1}' -u 'ada:s3cret'`;
  await run('bash', ['-c', command]);
  const viaCurl = api.requests.at(-1)!;

  await shuttle.url.focus();
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, command);
  await expect(shuttle.url).toHaveValue(`${api.url}/echo?from=curl`);
  await expect(shuttle.method).toHaveValue('PUT');
  await shuttle.openRequestSection('Auth');
  await expect(page.getByTestId('auth-type')).toHaveValue('basic');
  await expect(page.getByTestId('auth-username')).toHaveValue('ada');

  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  const viaShuttle = api.requests.at(-1)!;
  expect(viaShuttle).not.toBe(viaCurl);
  expect(viaShuttle.method).toBe(viaCurl.method);
  expect(viaShuttle.path).toBe(viaCurl.path);
  expect(viaShuttle.body).toBe(viaCurl.body);
  for (const name of ['content-type', 'x-trace', 'authorization', 'content-length']) {
    expect(viaShuttle.headers[name], name).toBe(viaCurl.headers[name]);
  }
});

test('Copy as cURL gives a command that sends the same request, its variables filled in', async ({ shuttle, api, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await shuttle.compose('POST', '{{host}}/echo?x=1');
  await page.locator('#request-tab-variables').click();
  const variables = page.getByTestId('request-variables');
  await variables.getByTestId('kv-name').last().fill('host');
  await variables.getByTestId('kv-value').nth(-2).fill(api.url);
  await shuttle.addHeader('X-Note', "it's quoted");
  await shuttle.writeBody('json', '{"a":[1,2]}');
  await page.getByTestId('copy-curl').click();
  await expect(page.getByTestId('copy-curl')).toHaveAccessibleName('Copied as cURL');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^curl /);
  expect(copied).toContain(`${api.url}/echo?x=1`);

  await run('bash', ['-c', copied]);
  const seen = api.requests.at(-1)!;
  expect(seen.method).toBe('POST');
  expect(seen.path).toBe('/echo?x=1');
  expect(seen.headers['x-note']).toBe("it's quoted");
  expect(seen.body).toBe('{"a":[1,2]}');
});

test('headers can be edited as text, and the automatic headers are shown', async ({ shuttle, api }) => {
  await shuttle.compose('POST', `${api.url}/echo`);
  await shuttle.writeBody('json', '{}');
  await shuttle.openRequestSection('Headers');
  const auto = shuttle.page.getByTestId('auto-headers');
  await expect(auto).toContainText('Content-Type');
  await expect(auto).toContainText('application/json');
  await expect(auto).toContainText('User-Agent');
  const acceptEncoding = auto.locator('tr', { hasText: 'Accept-Encoding' });
  await expect(acceptEncoding).toContainText('gzip, deflate, br, zstd');

  await shuttle.page.getByTestId('headers-bulk-edit').click();
  await shuttle.page.getByTestId('headers-bulk-text').fill('Accept: text/plain\n// X-Off: 1\nContent-Type: application/vnd.api+json');
  await shuttle.page.getByTestId('headers-bulk-edit').click();
  await expect(shuttle.headers.getByTestId('kv-name')).toHaveCount(4);
  await expect(auto.getByText('overridden by your header')).toBeVisible();

  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  const seen = api.requests.at(-1)!;
  expect(seen.headers['accept']).toBe('text/plain');
  expect(seen.headers['x-off']).toBeUndefined();
  expect(seen.headers['content-type']).toBe('application/vnd.api+json');
  // What the list said Shuttle would add is what the server got.
  expect(seen.headers['accept-encoding']).toBe((await acceptEncoding.locator('td').last().textContent())?.trim());
  await shuttle.screenshot('headers-auto');
});
