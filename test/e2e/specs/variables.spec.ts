import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, test } from '../fixtures/test.ts';
import { ShuttlePage } from '../pages/shuttle-page.ts';
import { WorkspacePanel } from '../pages/workspace-panel.ts';

const workspaceRoot = (dataDir: string) => join(dataDir, 'workspaces', 'default');

/**
 * A collection that passes headers and auth down (docs/workspace-format.md), an environment with a
 * secret token, and a request in a folder that inherits them.
 */
async function seedShop(dataDir: string, baseUrl: string): Promise<void> {
  const root = workspaceRoot(dataDir);
  await mkdir(join(root, 'Shop', 'Orders'), { recursive: true });
  await mkdir(join(root, 'Shop', 'environments'), { recursive: true });
  await writeFile(
    join(root, 'Shop', 'collection.yaml'),
    [
      'kind: collection',
      'formatVersion: 1',
      'variables:',
      '  - name: team',
      '    value: core',
      'headers:',
      '  - name: X-Api-Version',
      '    value: "2"',
      '  - name: X-Team',
      '    value: "{{team}}"',
      'auth:',
      '  type: bearer',
      '  token: "{{token}}"',
      'settings:',
      '  timeoutMs: 5000',
      '  verifyTls: false',
      '',
    ].join('\n'),
  );
  await writeFile(join(root, 'Shop', 'Orders', 'folder.yaml'), 'kind: folder\nformatVersion: 1\n');
  await writeFile(join(root, 'Shop', 'environments', 'local.yaml'), `kind: environment\nformatVersion: 1\nvariables:\n  - name: baseUrl\n    value: ${baseUrl}\n  - name: token\n    secret: true\n`);
  await writeFile(join(root, 'Shop', 'Orders', 'List orders.yaml'), 'kind: http\nformatVersion: 1\nmethod: GET\nurl: "{{baseUrl}}/echo"\nauth:\n  type: inherit\n');
}

async function openListOrders(page: ShuttlePage['page']): Promise<WorkspacePanel> {
  const workspace = new WorkspacePanel(page);
  await workspace.show();
  await workspace.item('collection', 'Shop').click();
  await workspace.item('folder', 'Orders').click();
  await workspace.item('request', 'List orders').click();
  await expect(workspace.tab('List orders')).toHaveAttribute('data-active', 'true');
  return workspace;
}

test('variables in headers and auth show resolved or not with their scope, complete after {{; inherited headers, auth and settings say where they come from', async ({ webHost, api, page }) => {
  const token = `CANARY-${Date.now()}-token`;
  await seedShop(webHost.dataDir, api.url);
  const shuttle = new ShuttlePage(page);
  await shuttle.open(webHost.launchUrl);
  const workspace = await openListOrders(page);
  // The secret token's value goes in through the UI, into the secret store.
  await page.getByTestId('env-manage').click();
  await expect(workspace.envEditor.getByTestId('var-name').nth(1)).toHaveValue('token');
  await workspace.envEditor.getByTestId('var-row').nth(1).getByTestId('var-value').fill(token);
  await workspace.envEditor.getByTestId('env-save').click();
  await expect(workspace.envEditor.getByTestId('env-save')).toBeDisabled();
  await page.keyboard.press('Escape');
  await workspace.envSelect.selectOption('local');

  await shuttle.addHeader('X-Token', '{{token}}');
  await shuttle.headers.getByTestId('kv-name').last().fill('X-Unknown');
  await shuttle.headers.getByTestId('kv-value').nth(-2).fill('{{nope}}');
  const resolved = shuttle.headers.locator('[data-testid="var-token"][data-name="token"]');
  const unknown = shuttle.headers.locator('[data-testid="var-token"][data-name="nope"]');
  await expect(resolved).toHaveAttribute('data-resolved', 'true');
  await expect(unknown).toHaveAttribute('data-resolved', 'false');
  await expect(unknown).toHaveCSS('color', await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--warning').trim()).then(toRgb));

  // Hover: the scope, and for a secret only that it is one.
  await resolved.hover();
  const tooltip = page.getByTestId('var-tooltip');
  await expect(tooltip).toContainText('Environment');
  await expect(tooltip).toContainText('Secret value (hidden)');
  await expect(tooltip).not.toContainText(token);
  await shuttle.screenshot('variables-header-hover');
  await unknown.hover();
  await expect(tooltip).toContainText('Not defined in any scope');

  // Autocomplete after {{ in a header value.
  await shuttle.headers.getByTestId('kv-name').last().fill('X-Base');
  const baseValue = shuttle.headers.getByTestId('kv-value').nth(-2);
  await baseValue.click();
  await page.keyboard.type('{{ba');
  const suggestions = page.getByTestId('var-suggest');
  await expect(suggestions.getByRole('option').first()).toContainText('baseUrl');
  await shuttle.screenshot('variables-header-autocomplete');
  await page.keyboard.press('Enter');
  await expect(baseValue).toHaveValue('{{baseUrl}}');
  await expect(suggestions).toBeHidden();
  await expect(shuttle.headers.locator('[data-testid="var-token"][data-name="baseUrl"]')).toHaveAttribute('data-resolved', 'true');

  // The collection's headers, read-only, with where they come from; X-Team is overridden once the request sets it.
  const inherited = page.getByTestId('inherited-headers');
  const apiVersion = inherited.locator('[data-testid="inherited-header"][data-name="X-Api-Version"]');
  await expect(apiVersion).toContainText('from Shop');
  await expect(apiVersion).toHaveAttribute('data-overridden', 'false');
  await shuttle.headers.getByTestId('kv-name').last().fill('x-team');
  await shuttle.headers.getByTestId('kv-value').nth(-2).fill('mine');
  const team = inherited.locator('[data-testid="inherited-header"][data-name="X-Team"]');
  await expect(team).toHaveAttribute('data-overridden', 'true');
  await expect(team).toContainText('overridden by your header');
  await page.mouse.move(0, 0);
  await inherited.scrollIntoViewIfNeeded();
  await shuttle.screenshot('variables-inherited-headers');

  await shuttle.openRequestSection('Auth');
  await expect(page.getByTestId('auth-inherited')).toHaveText('Uses Bearer token from the collection “Shop”.');
  // A secret field shows references (they name a secret, they are not one) and masks anything else.
  await page.getByTestId('auth-type').selectOption('bearer');
  const tokenField = page.getByTestId('auth-token');
  await expect(tokenField).toHaveAttribute('type', 'password');
  await tokenField.click();
  await page.keyboard.type('{{to');
  await page.keyboard.press('Enter');
  await expect(tokenField).toHaveValue('{{token}}');
  await expect(tokenField).toHaveAttribute('type', 'text');
  await expect(page.locator('.form-grid [data-testid="var-token"][data-name="token"]')).toHaveAttribute('data-resolved', 'true');
  await page.keyboard.type('-literal');
  await expect(tokenField).toHaveValue('{{token}}-literal');
  await expect(tokenField).toHaveAttribute('type', 'password');
  await tokenField.fill('{{token}}');
  await shuttle.openRequestSection('Settings');
  await expect(page.getByTestId('setting-timeout')).toHaveAttribute('placeholder', '5');
  await expect(page.locator('[data-testid="setting-inherited"][data-key="timeoutMs"]')).toHaveText('from Shop');
  await expect(page.getByTestId('setting-verify-tls')).not.toBeChecked();
  await shuttle.screenshot('variables-inherited-settings');
  // Setting it here overrides the collection's for this request only.
  await page.getByTestId('setting-timeout').fill('7');
  await expect(page.locator('[data-testid="setting-inherited"][data-key="timeoutMs"]')).toHaveCount(0);

  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  const seen = api.requests.at(-1)!;
  expect(seen.headers['x-token']).toBe(token);
  expect(seen.headers['x-unknown']).toBe('{{nope}}');
  expect(seen.headers['x-base']).toBe(api.url);
  expect(seen.headers['x-api-version']).toBe('2');
  expect(seen.headers['x-team']).toBe('mine');
  expect(seen.headers.authorization).toBe(`Bearer ${token}`);
});

test('the body editor colours {{variables}} and completes them after {{', async ({ shuttle, api, page }) => {
  await shuttle.page.getByTestId('globals-open').click();
  const globals = page.getByTestId('globals-editor');
  await globals.getByTestId('var-name').last().fill('orderId');
  await globals.getByTestId('var-value').nth(-2).fill('A-17');
  await globals.getByTestId('globals-save').click();
  await expect(globals).toBeHidden();

  await shuttle.compose('POST', `${api.url}/echo`);
  await shuttle.writeBody('json', '{"id": "{{ord');
  const editor = page.getByTestId('body-editor');
  await expect(editor.getByTestId('var-suggest').getByRole('option').first()).toContainText('orderId');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('", "x": "{{nope}}"}');
  await expect(editor.locator('[data-testid="var-token"][data-name="orderId"]')).toHaveAttribute('data-resolved', 'true');
  await expect(editor.locator('[data-testid="var-token"][data-name="nope"]')).toHaveAttribute('data-resolved', 'false');
  await editor.locator('[data-testid="var-token"][data-name="orderId"]').hover();
  await expect(page.getByTestId('var-tooltip')).toContainText('A-17');
  await expect(page.getByTestId('var-tooltip')).toContainText('Global');
  await shuttle.screenshot('variables-body-hover');

  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  expect(api.requests.at(-1)!.json).toEqual({ id: 'A-17', x: '{{nope}}' });
});

test('a global variable set in the UI is sent, a secret one stays out of the workspace, and the request’s own variable overrides it', async ({ webHost, api, page }) => {
  const root = workspaceRoot(webHost.dataDir);
  await mkdir(join(root, 'Shop'), { recursive: true });
  await writeFile(join(root, 'Shop', 'collection.yaml'), 'kind: collection\nformatVersion: 1\n');
  await writeFile(join(root, 'Shop', 'Who.yaml'), 'kind: http\nformatVersion: 1\nmethod: GET\nurl: "{{baseUrl}}/echo?who={{who}}"\nheaders:\n  - name: X-Key\n    value: "{{apiKey}}"\n');
  const shuttle = new ShuttlePage(page);
  await shuttle.open(webHost.launchUrl);
  const workspace = new WorkspacePanel(page);
  await workspace.show();
  await workspace.item('collection', 'Shop').click();
  await workspace.item('request', 'Who').click();
  await expect(shuttle.url).toHaveValue('{{baseUrl}}/echo?who={{who}}');

  const canary = `CANARY-${Date.now()}-global`;
  await page.getByTestId('globals-open').click();
  const globals = page.getByTestId('globals-editor');
  for (const variable of [
    { name: 'baseUrl', value: api.url },
    { name: 'who', value: 'global' },
    { name: 'apiKey', value: canary, secret: true },
  ]) {
    await globals.getByTestId('var-name').last().fill(variable.name);
    const row = globals.getByTestId('var-row').nth(-2);
    if (variable.secret) await row.getByTestId('var-secret').click();
    await row.getByTestId('var-value').fill(variable.value);
  }
  await shuttle.screenshot('variables-globals-editor');
  await globals.getByTestId('globals-save').click();
  await expect(globals).toBeHidden();

  const whoInUrl = page.locator('.url-bar [data-testid="var-token"][data-name="who"]');
  await expect(whoInUrl).toHaveAttribute('data-resolved', 'true');
  // The coloured copy sits exactly where the input draws its (transparent) text: after its border and padding.
  const inputBox = (await shuttle.url.boundingBox())!;
  const firstToken = (await page.locator('.url-bar [data-testid="var-token"][data-name="baseUrl"]').boundingBox())!;
  const inset = await shuttle.url.evaluate((input) => parseFloat(getComputedStyle(input).paddingLeft) + parseFloat(getComputedStyle(input).borderLeftWidth));
  expect(Math.abs(firstToken.x - inputBox.x - inset)).toBeLessThan(1);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  expect(api.requests.at(-1)!.path).toBe('/echo?who=global');
  expect(api.requests.at(-1)!.headers['x-key']).toBe(canary);

  // The request's own variable wins, before and after it is saved with the request.
  await page.locator('#request-tab-variables').click();
  const requestVariables = page.getByTestId('request-variables');
  await requestVariables.getByTestId('kv-name').last().fill('who');
  await requestVariables.getByTestId('kv-value').nth(-2).fill('request');
  await whoInUrl.hover();
  await expect(page.getByTestId('var-tooltip')).toContainText('Request');
  await shuttle.send.click();
  await expect.poll(() => api.requests.at(-1)?.path).toBe('/echo?who=request');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(workspace.tab('Who')).toHaveAttribute('data-dirty', 'false');

  const saved = parse(await readFile(join(root, 'Shop', 'Who.yaml'), 'utf8')) as Record<string, unknown>;
  expect(saved.variables).toEqual([{ name: 'who', value: 'request' }]);
  expect(parse(await readFile(join(root, 'workspace.yaml'), 'utf8'))).toEqual({
    kind: 'workspace',
    formatVersion: 1,
    variables: [
      { name: 'baseUrl', value: api.url },
      { name: 'who', value: 'global' },
      { name: 'apiKey', secret: true },
    ],
  });
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) expect(await readFile(join(entry.parentPath, entry.name), 'utf8')).not.toContain(canary);
  }
  expect(await readFile(join(webHost.dataDir, 'secrets.json'), 'utf8')).toContain(canary);
});

/** `#rrggbb` (a CSS variable's value) as the rgb() a computed colour is reported in. */
function toRgb(hex: string): string {
  const value = parseInt(hex.replace('#', ''), 16);
  return `rgb(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255})`;
}

test('request settings set on a collection in its settings dialog are written to collection.yaml and inherited, with their source shown', async ({ webHost, api, page }) => {
  await seedShop(webHost.dataDir, api.url);
  const shuttle = new ShuttlePage(page);
  await shuttle.open(webHost.launchUrl);
  const workspace = await openListOrders(page);

  await workspace.item('collection', 'Shop').click({ button: 'right' });
  await page.getByTestId('menu-settings').click();
  const dialog = page.getByTestId('collection-settings');
  await dialog.getByRole('tab', { name: 'Settings' }).click();
  await expect(dialog.getByTestId('setting-timeout')).toHaveValue('5');
  await dialog.getByTestId('setting-timeout').fill('3');
  await dialog.getByTestId('scope-settings-save').click();
  await expect(dialog).toBeHidden();

  const file = parse(await readFile(join(workspaceRoot(webHost.dataDir), 'Shop', 'collection.yaml'), 'utf8')) as { settings: Record<string, unknown> };
  expect(file.settings).toEqual({ timeoutMs: 3000, verifyTls: false });
  await shuttle.openRequestSection('Settings');
  await expect(page.getByTestId('setting-timeout')).toHaveAttribute('placeholder', '3');
  await expect(page.locator('[data-testid="setting-inherited"][data-key="timeoutMs"]')).toHaveText('from Shop');
});
