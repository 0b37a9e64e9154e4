import { expect, test } from '../fixtures/test.ts';

test('tabs keep their own request and response', async ({ shuttle, api }) => {
  await shuttle.compose('GET', `${api.url}/json`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');

  await shuttle.page.getByTestId('new-tab').click();
  await expect(shuttle.page.getByTestId('tab')).toHaveCount(2);
  await expect(shuttle.url).toHaveValue('');
  await shuttle.compose('GET', `${api.url}/status/404`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('404 Not Found');

  await shuttle.page.getByTestId('tab').first().getByRole('tab').click();
  await expect(shuttle.url).toHaveValue(`${api.url}/json`);
  await expect(shuttle.status).toHaveText('200 OK');

  // Both sends are listed in the sidebar's history and can be reopened.
  await expect(shuttle.page.getByTestId('history-list').getByTestId('history-item')).toHaveCount(2);
});

test('the UI switches to Simplified Chinese and to the dark theme, and keeps both after a reload', async ({ shuttle }) => {
  await shuttle.page.getByTestId('open-settings').click();
  await shuttle.page.getByTestId('settings-language').selectOption('zh-CN');
  await expect(shuttle.send).toHaveText(/发送/);
  await shuttle.page.getByTestId('settings-theme').getByText('深色').click();
  await expect(shuttle.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shuttle.page.keyboard.press('Escape');
  await expect(shuttle.page.getByText('发送请求后在此查看响应')).toBeVisible();
  await expect(shuttle.page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await shuttle.screenshot('empty-state-zh-dark');

  await shuttle.page.reload();
  await expect(shuttle.page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(shuttle.send).toHaveText(/发送/);
  await expect(shuttle.page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the language follows the browser when set to follow the system', async ({ browser, webHost }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(webHost.launchUrl);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.getByTestId('send-button')).toHaveText(/发送/);
  await context.close();
});

test('the printed link works once; a replay gets an explanation, not the app', async ({ shuttle, browser, webHost }) => {
  await expect(shuttle.send).toBeVisible();
  const other = await browser.newContext();
  const page = await other.newPage();
  await page.goto(webHost.launchUrl);
  await expect(page.locator('[data-app-state="needs-link"]')).toContainText('Open Shuttle from its link');
  await other.close();
});
