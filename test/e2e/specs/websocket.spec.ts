import { readFile } from 'node:fs/promises';
import { GUARD } from '../../fixtures/servers/ws-fixture.ts';
import { expect, test } from '../fixtures/websocket.ts';

test('connects with a subprotocol and a custom header the server insists on; the handshake shows what was agreed', async ({ shuttle, ws, wsServer }) => {
  await ws.open();
  await expect(ws.state).toHaveText('Not connected');
  await expect(shuttle.page.getByTestId('tab').last()).toContainText('WS');
  await ws.url.fill(`${wsServer.url}/guarded`);
  await ws.openSection('Subprotocols');
  await shuttle.page.getByTestId('ws-subprotocols').fill(`legacy.v0, ${GUARD.protocol}`);
  await ws.addHeader(GUARD.header, GUARD.value);
  await ws.connect.click();

  await expect(ws.state).toHaveAttribute('data-state', 'open');
  await expect(ws.state).toHaveText('Connected');
  await expect(ws.connect).toHaveText(/Disconnect/);
  expect(wsServer.connections[0]!.offeredProtocols).toEqual(['legacy.v0', GUARD.protocol]);
  expect(wsServer.connections[0]!.headers[GUARD.header.toLowerCase()]).toBe(GUARD.value);

  await ws.openSection('Handshake');
  await expect(shuttle.page.getByTestId('ws-handshake-status')).toHaveText('101 Switching Protocols');
  await expect(shuttle.page.getByTestId('ws-handshake-protocol')).toHaveText(GUARD.protocol);
  await expect(shuttle.page.getByTestId('ws-request-headers')).toContainText(GUARD.value);
  await expect(shuttle.page.getByTestId('ws-response-headers')).toContainText('Sec-WebSocket-Accept');
  await shuttle.screenshot('websocket-handshake');
});

test('a handshake the server refuses is explained, and the tab can connect once it is fixed', async ({ shuttle, ws, wsServer }) => {
  await ws.open();
  await ws.url.fill(`${wsServer.url}/guarded`);
  await ws.connect.click();

  await expect(ws.error).toHaveAttribute('data-error-code', 'HANDSHAKE_REJECTED');
  await expect(ws.error).toContainText('127.0.0.1 did not accept the WebSocket handshake: HTTP 403 Forbidden.');
  await expect(ws.state).toHaveText('Could not connect');

  await ws.openSection('Subprotocols');
  await shuttle.page.getByTestId('ws-subprotocols').fill(GUARD.protocol);
  await ws.addHeader(GUARD.header, GUARD.value);
  await ws.connect.click();
  await expect(ws.state).toHaveAttribute('data-state', 'open');
  await expect(ws.error).toHaveCount(0);
});

test('sends text, JSON and binary; the server echoes each and the bytes are identical', async ({ shuttle, ws, wsServer }) => {
  await ws.open();
  await ws.connectTo(`${wsServer.url}/echo`);

  await ws.write('Text', 'hello, shuttle');
  await ws.send.click();
  await ws.write('JSON', '{"op":"subscribe","channels":["prices"],"id":12345678901234567890}');
  await shuttle.page.keyboard.press('ControlOrMeta+Enter');
  await ws.write('Binary', 'de ad be ef 00 ff 0a 0d', 'Hex');
  await ws.send.click();

  await expect(ws.count).toHaveAttribute('data-count', '6');
  const received = wsServer.connections[0]!.received;
  expect(received.map((message) => message.isBinary)).toEqual([false, false, true]);
  expect(received[0]!.data.toString('utf8')).toBe('hello, shuttle');
  expect(received[1]!.data.toString('utf8')).toBe('{"op":"subscribe","channels":["prices"],"id":12345678901234567890}');
  expect([...received[2]!.data]).toEqual([0xde, 0xad, 0xbe, 0xef, 0x00, 0xff, 0x0a, 0x0d]);

  await expect(ws.messages).toHaveCount(6);
  const rows = await ws.messages.evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-direction'), element.getAttribute('data-type')]));
  expect(rows).toEqual([
    ['out', 'text'],
    ['in', 'text'],
    ['out', 'text'],
    ['in', 'text'],
    ['out', 'binary'],
    ['in', 'binary'],
  ]);
  // The echoed bytes are shown exactly as sent.
  await expect(ws.messages.nth(5)).toContainText('de ad be ef 00 ff 0a 0d');

  // Opening the echoed JSON shows it pretty-printed, with its big integer intact.
  await ws.messages.nth(3).click();
  const detail = shuttle.page.getByTestId('ws-message-detail');
  await expect(detail.getByTestId('ws-detail-content')).toContainText('"id": 12345678901234567890');
  await shuttle.screenshot('websocket-session');

  // Opening the binary echo shows a hex dump.
  await ws.messages.nth(5).click();
  await expect(detail.getByTestId('ws-detail-content')).toContainText('00000000  de ad be ef 00 ff 0a 0d');
});

test('invalid JSON and invalid hex are explained and not sent', async ({ ws, wsServer }) => {
  await ws.open();
  await ws.connectTo(`${wsServer.url}/echo`);

  await ws.write('JSON', '{"op": }');
  await expect(ws.page.getByTestId('ws-composer-problem')).toContainText('Not valid JSON');
  await expect(ws.send).toBeDisabled();
  await ws.write('Binary', 'zz', 'Hex');
  await expect(ws.page.getByTestId('ws-composer-problem')).toContainText('Not valid hex');
  await expect(ws.send).toBeDisabled();
  expect(wsServer.connections[0]!.received).toEqual([]);
});

test('a saved message sends with one click', async ({ shuttle, ws, wsServer }) => {
  await ws.open();
  await ws.connectTo(`${wsServer.url}/echo`);
  await ws.write('JSON', '{"op":"ping-me"}');
  await shuttle.page.getByTestId('ws-save-message').click();
  await shuttle.page.getByTestId('ws-save-name').fill('Ping me');
  await shuttle.page.getByTestId('ws-save-confirm').click();
  // The composer moves on; the saved message stays.
  await ws.write('Text', 'something else');

  const saved = ws.saved.getByTestId('ws-saved-message');
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText('Ping me');
  await saved.getByRole('button', { name: /Ping me/ }).click();
  await saved.getByRole('button', { name: /Ping me/ }).click();

  await expect.poll(() => wsServer.connections[0]!.received.map((message) => message.data.toString())).toEqual(['{"op":"ping-me"}', '{"op":"ping-me"}']);
  await expect(ws.count).toHaveAttribute('data-count', '4');
});

test('the filter shows only matching rows, by text, regex, direction and type', async ({ shuttle, ws, wsServer }) => {
  await ws.open();
  await ws.connectTo(`${wsServer.url}/echo`);
  await ws.write('Text', 'burst 30');
  await ws.send.click();
  await expect(ws.count).toHaveAttribute('data-count', '31');

  await ws.filter.fill('"burst":2');
  // {"burst":2} and {"burst":20} … {"burst":29}
  await expect(ws.messages).toHaveCount(11);
  for (const content of await ws.shownContents()) expect(content).toContain('"burst":2');
  await expect(shuttle.page.getByTestId('ws-shown')).toHaveAttribute('data-count', '11');
  await expect(ws.count).toHaveAttribute('data-count', '31');

  await shuttle.page.getByTestId('ws-filter-regex').click();
  await ws.filter.fill('"burst":(7|30)\\}');
  await expect.poll(() => ws.shownContents()).toEqual(['{"burst":7}', '{"burst":30}']);

  await ws.filter.fill('');
  await shuttle.page.getByTestId('ws-filter-direction').selectOption('out');
  await expect(ws.messages).toHaveCount(1);
  await expect(ws.messages).toHaveAttribute('data-direction', 'out');
  await expect(ws.messages).toContainText('burst 30');

  await shuttle.page.getByTestId('ws-filter-direction').selectOption('all');
  await shuttle.page.getByTestId('ws-filter-type').selectOption('binary');
  await expect(ws.log).toContainText('No messages match the filter.');
});

test('pause holds the view while new messages arrive and the counter grows; resume catches up', async ({ shuttle, ws, wsServer }) => {
  await ws.open();
  await ws.connectTo(`${wsServer.url}/ticker?ms=20`);
  await expect.poll(() => ws.total()).toBeGreaterThan(40);

  await ws.pause.click();
  await expect(ws.pause).toHaveAttribute('aria-pressed', 'true');
  const lastShown = async () => Number(await ws.messages.last().getAttribute('data-seq'));
  const held = await lastShown();
  const countAtPause = await ws.total();

  await expect.poll(() => ws.total()).toBeGreaterThan(countAtPause + 25);
  await expect(shuttle.page.getByTestId('ws-new-messages')).toContainText(/\d+ new messages/);
  expect(await lastShown()).toBe(held);
  await shuttle.screenshot('websocket-paused');

  await shuttle.page.getByTestId('ws-new-messages').click();
  await expect(ws.pause).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(lastShown).toBeGreaterThan(held + 25);
});

test('a server close with 4001 "bye" shows the code and reason', async ({ shuttle, ws, wsServer }) => {
  await ws.open();
  await ws.connectTo(`${wsServer.url}/echo`);
  await ws.write('Text', 'close 4001 bye');
  await ws.send.click();

  await expect(ws.state).toHaveAttribute('data-state', 'closed');
  await expect(ws.state).toHaveText('Closed · 4001 bye');
  await expect(ws.state).toHaveAttribute('data-close-code', '4001');
  await expect(ws.messages.last()).toHaveAttribute('data-type', 'close');
  await expect(ws.messages.last()).toHaveAttribute('data-direction', 'in');
  await expect(ws.messages.last()).toContainText('4001 bye');
  await expect(ws.connect).toHaveText(/Connect/);
  await expect(ws.send).toBeDisabled();
  await shuttle.screenshot('websocket-closed');
});

test('Disconnect closes with the code and reason from Settings', async ({ shuttle, ws, wsServer }) => {
  await ws.open();
  await ws.openSection('Settings');
  await shuttle.page.getByTestId('ws-close-code').fill('4100');
  await shuttle.page.getByTestId('ws-close-reason').fill('done for today');
  await ws.connectTo(`${wsServer.url}/echo`);

  await ws.connect.click();

  await expect(ws.state).toHaveText('Closed · 4100 done for today');
  await expect.poll(() => wsServer.connections[0]!.closed).toEqual({ code: 4100, reason: 'done for today' });
});

test('auto-reconnect reconnects after the server drops the connection', async ({ shuttle, ws, wsServer }) => {
  await ws.open();
  await ws.openSection('Settings');
  await shuttle.page.getByTestId('ws-auto-reconnect').check();
  await ws.connectTo(`${wsServer.url}/echo`);

  wsServer.dropAll();

  await expect(ws.state).toHaveAttribute('data-state', /reconnecting|connecting/);
  await expect(ws.state).toHaveText(/Reconnecting/);
  await expect.poll(() => wsServer.connections.length).toBe(2);
  await expect(ws.state).toHaveAttribute('data-state', 'open');
  await ws.write('Text', 'after the reconnect');
  await ws.send.click();
  await expect.poll(() => wsServer.connections[1]!.received.map((message) => message.data.toString())).toEqual(['after the reconnect']);
});

test('without auto-reconnect a dropped connection stays closed and says why', async ({ ws, wsServer }) => {
  await ws.open();
  await ws.connectTo(`${wsServer.url}/echo`);

  wsServer.dropAll();

  await expect(ws.state).toHaveText('Closed · 1006');
  await expect(ws.error).toHaveAttribute('data-error-code', 'RESET');
  await expect(ws.error).toContainText('dropped without a closing handshake');
  expect(wsServer.connections).toHaveLength(1);
});

test('a message over the 16 MiB maximum closes with 1009 and a clear sentence; the tab keeps working', async ({ ws, wsServer }) => {
  await ws.open();
  await ws.connectTo(`${wsServer.url}/echo`);
  await ws.write('Text', `big ${16 * 1024 * 1024 + 1}`);
  await ws.send.click();

  await expect(ws.state).toHaveText('Closed · 1009');
  await expect(ws.error).toHaveAttribute('data-error-code', 'MESSAGE_TOO_LARGE');
  await expect(ws.error).toContainText('larger than the allowed maximum (16 MiB)');

  await ws.connect.click();
  await expect(ws.state).toHaveAttribute('data-state', 'open');
  await ws.write('Text', 'still working');
  await ws.send.click();
  await expect.poll(() => wsServer.connections[1]?.received.length).toBe(1);
});

test('export downloads the session as NDJSON, one message per line', async ({ shuttle, ws, wsServer }) => {
  await ws.open();
  await ws.connectTo(`${wsServer.url}/echo`);
  await ws.write('Text', 'line one');
  await ws.send.click();
  await expect(ws.count).toHaveAttribute('data-count', '2');

  const download = shuttle.page.waitForEvent('download');
  await shuttle.page.getByTestId('ws-export').click();
  const file = await (await download).path();

  expect((await download).suggestedFilename()).toMatch(/^websocket-127\.0\.0\.1_\d+-[\d-]+\.ndjson$/);
  const lines = (await readFile(file, 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines.map(({ seq, direction, type, text }) => ({ seq, direction, type, text }))).toEqual([
    { seq: 1, direction: 'out', type: 'text', text: 'line one' },
    { seq: 2, direction: 'in', type: 'text', text: 'line one' },
  ]);
  expect(typeof lines[0]!.epochMs).toBe('number');
});

test('tabs keep their own connections and logs; closing a tab disconnects it', async ({ shuttle, ws, wsServer }) => {
  await ws.open();
  await ws.connectTo(`${wsServer.url}/echo`);
  await ws.write('Text', 'first tab');
  await ws.send.click();
  await expect(ws.count).toHaveAttribute('data-count', '2');

  await ws.open();
  await ws.connectTo(`${wsServer.url}/echo`);
  await ws.write('Text', 'second tab');
  await ws.send.click();
  await ws.write('Text', 'second tab again');
  await ws.send.click();
  await expect(ws.count).toHaveAttribute('data-count', '4');

  const tabs = shuttle.page.getByTestId('tab');
  await tabs.nth(1).getByRole('tab').click();
  await expect(ws.count).toHaveAttribute('data-count', '2');
  await expect(ws.messages.first()).toContainText('first tab');

  await tabs.nth(1).getByRole('button', { name: 'Close tab' }).click();
  await expect.poll(() => wsServer.connections[0]!.closed?.code).toBe(1000);
  expect(wsServer.connections[1]!.closed).toBeUndefined();
});

test('the log keeps at most the configured number of messages and says how many older ones were dropped', async ({ shuttle, ws, wsServer }) => {
  await shuttle.page.getByTestId('open-settings').click();
  await shuttle.page.getByTestId('settings-ws-log-limit').fill('100');
  await shuttle.page.keyboard.press('Tab');
  await shuttle.page.keyboard.press('Escape');
  await ws.open();
  await ws.connectTo(`${wsServer.url}/echo`);
  await ws.write('Text', 'burst 300');
  await ws.send.click();

  await expect(ws.count).toHaveAttribute('data-count', '301');
  const dropped = shuttle.page.getByTestId('ws-dropped');
  await expect(dropped).toHaveAttribute('data-count', '201');
  await expect(dropped).toContainText('201 older messages dropped: the log keeps the newest 100');
  // The newest message is still there, the oldest are gone.
  await ws.filter.fill('"burst":300}');
  await expect(ws.messages).toHaveCount(1);
  await ws.filter.fill('burst 300');
  await expect(ws.log).toContainText('No messages match the filter.');
});

test('the WebSocket tab in Simplified Chinese and the dark theme', async ({ shuttle, ws, wsServer }) => {
  await shuttle.page.getByTestId('open-settings').click();
  await shuttle.page.getByTestId('settings-language').selectOption('zh-CN');
  await shuttle.page.getByTestId('settings-theme').getByText('深色').click();
  await shuttle.page.keyboard.press('Escape');
  await ws.open();
  await ws.url.fill(`${wsServer.url}/echo`);
  await expect(ws.connect).toHaveText(/连接/);
  await ws.connect.click();
  await expect(ws.state).toHaveText('已连接');
  await shuttle.page.getByRole('tab', { name: /^消息/ }).click();
  await shuttle.page.getByTestId('ws-format').getByRole('radio', { name: 'JSON' }).check();
  await ws.composer.locator('.cm-content').click();
  await shuttle.page.keyboard.insertText('{"op":"subscribe","channel":"prices"}');
  await ws.send.click();
  await shuttle.page.getByTestId('ws-format').getByRole('radio', { name: '文本' }).check();
  await ws.composer.locator('.cm-content').click();
  await shuttle.page.keyboard.press('ControlOrMeta+a');
  await shuttle.page.keyboard.insertText('ping');
  await ws.send.click();
  await expect(ws.count).toHaveAttribute('data-count', '5');
  await expect(ws.count).toHaveText('5 条消息');
  await ws.messages.nth(1).click();
  await shuttle.screenshot('websocket-session-zh-dark');
});

test('a file loads into the composer and goes out byte for byte; a message can be copied', async ({ shuttle, ws, wsServer }) => {
  await shuttle.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const bytes = Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256));
  await ws.open();
  await ws.connectTo(`${wsServer.url}/echo`);
  await ws.openSection('Message');
  await shuttle.page.getByTestId('ws-format').getByRole('radio', { name: 'Binary' }).check();
  await shuttle.page.getByTestId('ws-load-file').setInputFiles({ name: 'frame.bin', mimeType: 'application/octet-stream', buffer: bytes });
  await expect(shuttle.page.getByTestId('ws-encoding').getByRole('radio', { name: 'Base64' })).toBeChecked();
  await ws.send.click();

  await expect.poll(() => wsServer.connections[0]!.received[0]?.data.equals(bytes)).toBe(true);
  await expect(ws.count).toHaveAttribute('data-count', '2');
  await ws.messages.nth(1).click();
  await shuttle.page.getByTestId('ws-detail-base64').check();
  await shuttle.page.getByTestId('ws-copy').click();
  await expect.poll(() => shuttle.page.evaluate(() => navigator.clipboard.readText())).toBe(bytes.toString('base64'));
});
