import { expect, test } from '../fixtures/websocket.ts';
import { HistoryPanelPage } from '../pages/history-panel.ts';

test('a WebSocket session is recorded in history and reopens with its log, handshake and close as they were', async ({ shuttle, ws, wsServer, api }) => {
  const history = new HistoryPanelPage(shuttle.page);
  await shuttle.compose('GET', `${api.url}/json`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  await ws.open();
  await ws.connectTo(`${wsServer.url}/echo`);
  await ws.write('Text', 'hello from the recorded session');
  await ws.send.click();
  await expect(ws.count).toHaveAttribute('data-count', '2');
  await ws.write('Text', 'close 4001 bye');
  await ws.send.click();
  await expect(ws.state).toHaveAttribute('data-state', 'closed');

  // Recorded once the session is over, found among the HTTP sends by its method, and by what was said in it.
  await expect(history.item('/echo')).toHaveCount(1);
  await expect(history.item('/echo')).toContainText('WS');
  await expect(history.item('/echo')).toContainText('101');
  await expect(history.items).toHaveCount(2);
  await history.filterBy('method', 'WS');
  await expect(history.items).toHaveCount(1);
  await expect(history.items.first()).toContainText('/echo');
  await history.filterBy('method', '');
  await history.search.fill('recorded');
  await expect(history.items).toHaveCount(1);
  await shuttle.screenshot('history-websocket-session');

  await history.open(history.items.first());
  await expect(shuttle.page.getByTestId('tab')).toHaveCount(3);
  await expect(shuttle.page.getByTestId('tab').last()).toContainText('WS');
  await expect(ws.url).toHaveValue(`${wsServer.url}/echo`);
  await expect(ws.state).toHaveAttribute('data-state', 'closed');
  await expect(ws.state).toContainText('4001');
  // Out, echo, the close command, and the server's close frame: as they were, without connecting again.
  await expect(ws.count).toHaveAttribute('data-count', '4');
  expect(await ws.shownContents()).toEqual(expect.arrayContaining(['hello from the recorded session']));
  await expect(ws.log.locator('[data-testid="ws-message"][data-type="close"]')).toContainText('bye');
  expect(wsServer.connections).toHaveLength(1);
  await shuttle.screenshot('websocket-from-history');

  // Connect opens a new session from the same request.
  await ws.connect.click();
  await expect(ws.state).toHaveAttribute('data-state', 'open');
  expect(wsServer.connections).toHaveLength(2);
});
