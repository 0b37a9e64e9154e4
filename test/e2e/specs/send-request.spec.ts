import { closedPort } from '../../fixtures/servers/http-fixture.ts';
import { expect, test } from '../fixtures/test.ts';

test('first start shows an empty state that says what to do', async ({ shuttle }) => {
  await expect(shuttle.page.getByText('Send a request to see the response')).toBeVisible();
  await expect(shuttle.send).toHaveText(/Send/);
  await shuttle.screenshot('empty-state');
});

test('GET shows status, time, size, headers and pretty-printed JSON', async ({ shuttle, api }) => {
  await shuttle.compose('GET', `${api.url}/json`);
  await shuttle.send.click();

  await expect(shuttle.status).toHaveText('200 OK');
  await expect(shuttle.time).toContainText(/\d+(\.\d+)? m?s/);
  await expect(shuttle.size).toContainText('B');
  await expect.poll(() => shuttle.shownBody()).toContain('"name": "Shuttle"');
  expect(await shuttle.shownBody()).toBe(
    ['{', '  "id": 42,', '  "name": "Shuttle",', '  "tags": [', '    "http",', '    "websocket"', '  ],', '  "nested": {', '    "ok": true', '  }', '}'].join('\n'),
  );
  await shuttle.screenshot('completed-request');

  await shuttle.page.getByTestId('response-view-raw').check();
  await expect.poll(() => shuttle.shownBody()).toBe('{"id":42,"name":"Shuttle","tags":["http","websocket"],"nested":{"ok":true}}');

  await shuttle.page.getByRole('tab', { name: /Headers/ }).last().click();
  await expect(shuttle.responseHeaders).toContainText('Content-Type');
  await expect(shuttle.responseHeaders).toContainText('application/json; charset=utf-8');
});

test('POST with a JSON body: the server gets exactly that body and the echo is shown pretty-printed', async ({ shuttle, api }) => {
  const body = '{"user":"ada","roles":["admin"]}';
  await shuttle.compose('POST', `${api.url}/echo`);
  await shuttle.writeBody('json', body);
  await shuttle.page.keyboard.press('ControlOrMeta+Enter');

  await expect(shuttle.status).toHaveText('200 OK');
  expect(api.requests.at(-1)?.body).toBe(body);
  expect(api.requests.at(-1)?.headers['content-type']).toBe('application/json');
  await expect.poll(() => shuttle.shownBody()).toContain('"method": "POST"');
  await expect.poll(() => shuttle.shownBody()).toContain('"body": "{\\"user\\":\\"ada\\",\\"roles\\":[\\"admin\\"]}"');
  await shuttle.screenshot('post-json-echo');
});

test('pretty JSON shows literals exactly as the server sent them', async ({ shuttle, api }) => {
  await shuttle.compose('GET', `${api.url}/exact-json`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  // A parse-and-stringify viewer would show 12345678901234567000, 1.5, "café" and one "same".
  await expect
    .poll(() => shuttle.shownBody())
    .toBe(['{', '  "id": 12345678901234567890,', '  "price": 1.50,', '  "text": "caf\\u00e9",', '  "same": 1,', '  "same": 2', '}'].join('\n'));
});

test('headers table: enabled rows are sent, disabled rows are not', async ({ shuttle, api }) => {
  await shuttle.compose('GET', `${api.url}/echo`);
  await shuttle.addHeader('X-Trace', 'abc-123');
  await shuttle.addHeader('X-Skip', 'nope');
  await shuttle.headers.getByTestId('kv-enabled').nth(1).uncheck();
  await shuttle.send.click();

  await expect(shuttle.status).toHaveText('200 OK');
  const seen = api.requests.at(-1)!;
  expect(seen.headers['x-trace']).toBe('abc-123');
  expect(seen.headers['x-skip']).toBeUndefined();
  // The name's case is sent as typed.
  expect(seen.rawHeaders).toContain('X-Trace');
});

test('a custom method is sent as typed', async ({ shuttle, api }) => {
  await shuttle.method.selectOption({ label: 'Custom…' });
  await shuttle.page.getByTestId('method-custom').fill('PURGE');
  await shuttle.url.fill(`${api.url}/echo`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  expect(api.requests.at(-1)?.method).toBe('PURGE');
});

test('a refused connection shows a clear sentence and the app keeps working', async ({ shuttle, api }) => {
  const port = await closedPort();
  await shuttle.compose('GET', `http://127.0.0.1:${port}/`);
  await shuttle.send.click();

  await expect(shuttle.error).toHaveAttribute('data-error-code', 'REFUSED');
  await expect(shuttle.error).toContainText(`Could not connect to 127.0.0.1:${port}: the connection was refused.`);
  await shuttle.screenshot('refused-connection');

  await shuttle.url.fill(`${api.url}/json`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
});

test('invalid URLs, other schemes and unknown hosts are explained, not sent', async ({ shuttle, api }) => {
  await shuttle.url.fill('http://exa mple.com/');
  await shuttle.send.click();
  await expect(shuttle.error).toHaveAttribute('data-error-code', 'INVALID_URL');

  await shuttle.url.fill('file:///etc/passwd');
  await shuttle.send.click();
  await expect(shuttle.error).toHaveAttribute('data-error-code', 'UNSUPPORTED_SCHEME');
  await expect(shuttle.error).toContainText('Only http:// and https:// URLs can be sent');

  await shuttle.url.fill('http://shuttle-e2e.invalid/');
  await shuttle.send.click();
  await expect(shuttle.error).toHaveAttribute('data-error-code', 'DNS');
  await expect(shuttle.error).toContainText('shuttle-e2e.invalid could not be found');
  expect(api.connections).toBe(0);
});

test('Send turns into Cancel while a request runs, and cancelling works', async ({ shuttle, api }) => {
  await shuttle.compose('GET', `${api.url}/slow`);
  await shuttle.send.click();
  await expect(shuttle.send).toHaveText(/Cancel/);
  await expect(shuttle.send).toHaveAttribute('data-state', 'running');
  await expect.poll(() => api.requests.length).toBe(1);

  await shuttle.send.click();
  await expect(shuttle.error).toHaveAttribute('data-error-code', 'CANCELLED');
  await expect(shuttle.error).toContainText('The request was cancelled.');
  await expect(shuttle.send).toHaveText(/Send/);

  await shuttle.url.fill(`${api.url}/json`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
});

test('a server that never answers times out after the timeout set in Settings', async ({ shuttle, api }) => {
  await shuttle.page.getByTestId('open-settings').click();
  await shuttle.page.getByTestId('settings-timeout').fill('1');
  await shuttle.page.keyboard.press('Tab');
  await shuttle.page.keyboard.press('Escape');

  await shuttle.compose('GET', `${api.url}/hang`);
  await shuttle.send.click();
  await expect(shuttle.error).toHaveAttribute('data-error-code', 'TIMEOUT');
  await expect(shuttle.error).toContainText('No response arrived in time from 127.0.0.1');
});
