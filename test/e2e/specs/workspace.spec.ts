import { createPrivateKey } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startHttpFixture } from '../../fixtures/servers/http-fixture.ts';
import { certPath, testCertificates } from '../../fixtures/servers/test-certificates.ts';
import { startTlsFixture } from '../../fixtures/servers/tls-fixture.ts';
import { startWebHostProcess } from '../fixtures/web-host-process.ts';
import { expect, test } from '../fixtures/test.ts';
import { ShuttlePage } from '../pages/shuttle-page.ts';
import { WorkspacePanel } from '../pages/workspace-panel.ts';

const workspaceRoot = (dataDir: string) => join(dataDir, 'workspaces', 'default');

/** Every file under a folder, recursively (to prove a secret never reached one). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** A collection written straight to disk in the documented format (docs/workspace-format.md). */
async function seedCollection(dataDir: string): Promise<void> {
  const root = workspaceRoot(dataDir);
  await mkdir(join(root, 'Shop', 'Orders'), { recursive: true });
  await writeFile(join(root, 'Shop', 'collection.yaml'), 'kind: collection\nformatVersion: 1\n');
  await writeFile(join(root, 'Shop', 'Orders', 'folder.yaml'), 'kind: folder\nformatVersion: 1\n');
  await writeFile(
    join(root, 'Shop', 'Orders', 'List orders.yaml'),
    'kind: http\nformatVersion: 1\nmethod: GET\nurl: "{{baseUrl}}/echo"\nauth:\n  type: inherit\n',
  );
}

test('collections, folders and requests made in the UI are YAML files on disk, and the UI follows edits made on disk', async ({ shuttle, webHost }) => {
  const workspace = new WorkspacePanel(shuttle.page);
  const root = workspaceRoot(webHost.dataDir);
  await workspace.show();

  await workspace.createCollection('Shop');
  await workspace.createFolder(workspace.item('collection', 'Shop'), 'Orders');
  await workspace.createRequest(workspace.item('folder', 'Orders'), 'List orders');
  await expect(workspace.tab('List orders')).toHaveAttribute('data-active', 'true');
  await shuttle.url.fill('{{baseUrl}}/orders?status=open');
  await expect(workspace.tab('List orders')).toHaveAttribute('data-dirty', 'true');
  await shuttle.page.keyboard.press('ControlOrMeta+s');
  await expect(workspace.tab('List orders')).toHaveAttribute('data-dirty', 'false');

  await workspace.createRequest(workspace.item('folder', 'Orders'), 'Create order');
  await shuttle.method.selectOption('POST');
  await shuttle.url.fill('{{baseUrl}}/orders');
  await shuttle.writeBody('json', '{\n  "item": "kumquat"\n}');
  await workspace.saveButton.click();
  await expect(workspace.tab('Create order')).toHaveAttribute('data-dirty', 'false');

  // The documented format: a directory per collection and folder, one YAML file per request.
  expect(parse(await readFile(join(root, 'Shop', 'collection.yaml'), 'utf8'))).toEqual({ kind: 'collection', formatVersion: 1 });
  expect(parse(await readFile(join(root, 'Shop', 'Orders', 'folder.yaml'), 'utf8'))).toEqual({ kind: 'folder', formatVersion: 1 });
  expect(await readFile(join(root, 'Shop', 'Orders', 'List orders.yaml'), 'utf8')).toBe(
    'kind: http\nformatVersion: 1\nmethod: GET\nurl: "{{baseUrl}}/orders?status=open"\nauth:\n  type: inherit\n',
  );
  expect(parse(await readFile(join(root, 'Shop', 'Orders', 'Create order.yaml'), 'utf8'))).toEqual({
    kind: 'http',
    formatVersion: 1,
    method: 'POST',
    url: '{{baseUrl}}/orders',
    body: { mode: 'json', text: '{\n  "item": "kumquat"\n}' },
    auth: { type: 'inherit' },
  });
  await workspace.item('request', 'List orders').click();
  await shuttle.screenshot('workspace-collection-tree');

  // An editor (or git) rewrites a file whose tab has no unsaved edits: tree and tab follow.
  const createOrder = join(root, 'Shop', 'Orders', 'Create order.yaml');
  await writeFile(createOrder, (await readFile(createOrder, 'utf8')).replace('method: POST', 'method: PUT'));
  await expect(workspace.item('request', 'Create order').locator('.method-badge')).toHaveText('PUT', { timeout: 2_000 });
  await expect(workspace.tab('Create order').locator('.method-badge')).toHaveText('PUT', { timeout: 2_000 });

  // The same under unsaved edits: a conflict to resolve, never a silent overwrite either way.
  await expect(workspace.tab('List orders')).toHaveAttribute('data-active', 'true');
  await shuttle.url.fill('{{baseUrl}}/orders?status=mine');
  const listOrders = join(root, 'Shop', 'Orders', 'List orders.yaml');
  await writeFile(listOrders, (await readFile(listOrders, 'utf8')).replace('status=open', 'status=theirs'));
  await expect(workspace.conflictBanner).toBeVisible({ timeout: 2_000 });
  await expect(shuttle.url).toHaveValue('{{baseUrl}}/orders?status=mine');
  // Compare first: the file's line as it is on disk beside the line the draft would write; resolved from there.
  await workspace.conflictBanner.getByTestId('conflict-compare').click();
  await expect(workspace.compareDialog.getByTestId('compare-summary')).toHaveText('Differs in: url');
  const changedLine = workspace.compareDialog.locator('.diff-row[data-change="changed"]');
  await expect(changedLine).toHaveCount(1);
  await expect(changedLine.locator('.diff-del')).toHaveText('url: "{{baseUrl}}/orders?status=theirs"');
  await expect(changedLine.locator('.diff-ins')).toHaveText('url: "{{baseUrl}}/orders?status=mine"');
  await shuttle.screenshot('workspace-conflict-compare');
  await workspace.compareDialog.getByTestId('compare-take-theirs').click();
  await expect(workspace.compareDialog).toBeHidden();
  await expect(shuttle.url).toHaveValue('{{baseUrl}}/orders?status=theirs');
  await expect(workspace.conflictBanner).toBeHidden();
  expect(await readFile(listOrders, 'utf8')).toContain('status=theirs');

  // Keeping mine instead: the draft stays, and saving it replaces the file on purpose.
  await shuttle.url.fill('{{baseUrl}}/orders?status=mine-again');
  await writeFile(listOrders, (await readFile(listOrders, 'utf8')).replace('status=theirs', 'status=theirs-again'));
  await workspace.conflictBanner.getByTestId('conflict-keep-mine').click();
  await expect(workspace.conflictBanner).toBeHidden();
  await shuttle.page.keyboard.press('ControlOrMeta+s');
  await expect(workspace.tab('List orders')).toHaveAttribute('data-dirty', 'false');
  expect(await readFile(listOrders, 'utf8')).toContain('status=mine-again');

  // A file deleted under unsaved edits has nothing to compare with: only keep the draft or close the tab.
  await workspace.tab('Create order').click();
  await shuttle.url.fill('{{baseUrl}}/orders/draft');
  await rm(createOrder);
  await expect(workspace.conflictBanner).toContainText('deleted', { timeout: 2_000 });
  await expect(workspace.conflictBanner.getByTestId('conflict-compare')).toHaveCount(0);
  await workspace.conflictBanner.getByTestId('conflict-keep-mine').click();
  await expect(workspace.conflictBanner).toBeHidden();
  await expect(shuttle.url).toHaveValue('{{baseUrl}}/orders/draft');

  // The web host has no file manager: the tree's menu does not offer to reveal an item in one.
  await workspace.item('request', 'List orders').click({ button: 'right' });
  await expect(shuttle.page.getByRole('menu')).toContainText('Rename');
  await expect(shuttle.page.getByTestId('menu-reveal')).toHaveCount(0);
  await shuttle.page.keyboard.press('Escape');
  await expect(shuttle.page.getByRole('menu')).toBeHidden();

  // A checkout that adds a folder with a request: the tree shows it.
  await mkdir(join(root, 'Shop', 'Refunds'));
  await writeFile(join(root, 'Shop', 'Refunds', 'Refund.yaml'), 'kind: http\nformatVersion: 1\nmethod: DELETE\nurl: /refunds/1\n');
  await expect(workspace.item('folder', 'Refunds')).toBeVisible({ timeout: 2_000 });
});

test('a data folder from the desktop app: the web host says which secret values it cannot read, and leaves them alone', async ({ webHost, page }) => {
  await seedCollection(webHost.dataDir);
  // As the desktop app writes them: encrypted with the operating system's keychain, out of the web host's reach.
  const encryptedFile = join(webHost.dataDir, 'secrets.encrypted.json');
  const ciphertext = (seed: string) => Buffer.concat([Buffer.from('v10'), Buffer.from(seed.repeat(8))]).toString('base64');
  const encrypted = JSON.stringify({ formatVersion: 1, encryption: 'electron-safe-storage', secrets: { a: ciphertext('a'), b: ciphertext('b') } }, null, 2) + '\n';
  await writeFile(encryptedFile, encrypted, { mode: 0o600 });

  const shuttle = new ShuttlePage(page);
  await shuttle.open(webHost.launchUrl);
  await expect(page.getByTestId('workspace-error')).toContainText('2 secret value(s) in this data folder were encrypted by the Shuttle desktop app and cannot be read here');

  const workspace = new WorkspacePanel(page);
  await workspace.show();
  await workspace.item('collection', 'Shop').click();
  await workspace.item('folder', 'Orders').click();
  await workspace.item('request', 'List orders').click();
  await workspace.saveEnvironment('local', [{ name: 'token', value: 'set on the web host', secret: true }]);
  await expect(workspace.envEditor.getByTestId('secret-storage-notice')).toContainText('until you set them again here, those variables have no value');
  await shuttle.screenshot('workspace-secrets-from-desktop');

  expect(await readFile(encryptedFile, 'utf8')).toBe(encrypted);
  expect(Object.values(JSON.parse(await readFile(join(webHost.dataDir, 'secrets.json'), 'utf8')).secrets)).toEqual(['set on the web host']);
});

test('switching environment sends {{baseUrl}} to a different local server; a secret never reaches a workspace file', async ({ webHost, api, page }) => {
  const other = await startHttpFixture();
  try {
    await seedCollection(webHost.dataDir);
    const shuttle = new ShuttlePage(page);
    await shuttle.open(webHost.launchUrl);
    const workspace = new WorkspacePanel(page);
    await workspace.show();
    await workspace.item('collection', 'Shop').click();
    await workspace.item('folder', 'Orders').click();
    await workspace.item('request', 'List orders').click();
    await expect(shuttle.url).toHaveValue('{{baseUrl}}/echo');
    await expect(page.getByTestId('var-token')).toHaveAttribute('data-resolved', 'false');

    const canary = `CANARY-${Date.now()}-secret`;
    await workspace.saveEnvironment('local', [
      { name: 'baseUrl', value: api.url },
      { name: 'token', value: canary, secret: true },
    ]);
    await workspace.saveEnvironment('other', [{ name: 'baseUrl', value: other.url }]);
    await workspace.envEditor.getByTestId('env-list-item').filter({ hasText: 'local' }).click();
    await expect(workspace.envEditor.getByTestId('var-row')).toHaveCount(3);
    // The web host keeps secret values in a plain 0600 file, and says so where they are edited.
    await expect(workspace.envEditor.getByTestId('secret-storage-note')).toContainText('secrets.json in the Shuttle data folder (readable by you only, not encrypted)');
    await shuttle.screenshot('workspace-environment-editor');
    await page.keyboard.press('Escape');

    await workspace.envSelect.selectOption('local');
    await expect(page.getByTestId('var-token')).toHaveAttribute('data-resolved', 'true');
    await page.getByTestId('var-token').hover();
    await expect(page.getByTestId('var-tooltip')).toContainText(api.url);
    await expect(page.getByTestId('var-tooltip')).toContainText('Environment');
    await shuttle.screenshot('workspace-variable-hover');
    await shuttle.send.click();
    await expect(shuttle.status).toHaveText('200 OK');
    expect(api.requests.map((request) => request.path)).toEqual(['/echo']);

    await workspace.envSelect.selectOption('other');
    await shuttle.send.click();
    await expect.poll(() => other.requests.map((request) => request.path)).toEqual(['/echo']);
    expect(api.requests).toHaveLength(1);

    // The secret is in the 0600 secret store only: no file under the workspace holds it.
    for (const file of await filesUnder(workspaceRoot(webHost.dataDir))) {
      expect(await readFile(file, 'utf8'), file).not.toContain(canary);
    }
    expect(await readFile(join(webHost.dataDir, 'secrets.json'), 'utf8')).toContain(canary);
    expect(parse(await readFile(join(workspaceRoot(webHost.dataDir), 'Shop', 'environments', 'local.yaml'), 'utf8'))).toEqual({
      kind: 'environment',
      formatVersion: 1,
      variables: [
        { name: 'baseUrl', value: api.url },
        { name: 'token', secret: true },
      ],
    });
  } finally {
    await other.close();
  }
});

test('a client certificate’s passphrase and key never reach a workspace file; reopened from the tree the request still has them', async ({ webHost, page }) => {
  const server = await startTlsFixture('ca-signed', { requireClientCert: true });
  const keyDir = await mkdtemp(join(tmpdir(), 'shuttle-cert-'));
  try {
    await seedCollection(webHost.dataDir);
    // The test client key, encrypted with a canary passphrase: only the right passphrase opens it.
    const canary = `CANARY-${Date.now()}-passphrase`;
    const encryptedKey = createPrivateKey(testCertificates.client.key).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: canary }) as string;
    const keyFile = join(keyDir, 'client-key.enc.pem');
    await writeFile(keyFile, encryptedKey);
    const shuttle = new ShuttlePage(page);
    await shuttle.open(webHost.launchUrl);
    const workspace = new WorkspacePanel(page);
    await workspace.show();
    await workspace.item('collection', 'Shop').click();
    await workspace.createRequest(workspace.item('folder', 'Orders'), 'Mutual TLS');
    await shuttle.url.fill(`${server.url}/`);
    await shuttle.openRequestSection('Settings');
    const settings = page.getByTestId('request-settings');
    await page.getByTestId('setting-ca-cert').setInputFiles(certPath('ca.pem'));
    await page.getByTestId('setting-client-cert').setInputFiles(certPath('client.pem'));
    await page.getByTestId('setting-client-key').setInputFiles(keyFile);
    await expect(settings).toContainText('client-key.enc.pem');
    await page.getByTestId('setting-client-passphrase').fill(canary);
    // Where these go once saved, in one sentence beside them.
    await expect(settings.getByTestId('secret-storage-note')).toHaveText(
      'Once saved, the passphrase (unless it is a {{variable}}) and a key or PFX file chosen here are kept outside the workspace, in secrets.json in the Shuttle data folder (readable by you only, not encrypted).',
    );
    await settings.getByTestId('secret-storage-note').scrollIntoViewIfNeeded();
    await shuttle.screenshot('request-client-certificate');
    await shuttle.page.keyboard.press('ControlOrMeta+s');
    await expect(workspace.tab('Mutual TLS')).toHaveAttribute('data-dirty', 'false');

    // No file under the workspace holds the passphrase or the key; the request file says where they went.
    const root = workspaceRoot(webHost.dataDir);
    for (const file of await filesUnder(root)) {
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toContain(canary);
      expect(text, file).not.toContain(Buffer.from(encryptedKey).toString('base64').slice(0, 40));
    }
    const saved = join(root, 'Shop', 'Orders', 'Mutual TLS.yaml');
    expect(parse(await readFile(saved, 'utf8')).settings.clientCert).toMatchObject({
      key: { kind: 'inline', fileName: 'client-key.enc.pem', secret: true },
      passphrase: { secret: true },
    });

    // Closed and opened again from the tree: the same passphrase, and the key it opens is presented.
    await workspace.tab('Mutual TLS').getByRole('button', { name: 'Close tab' }).click();
    await expect(workspace.tab('Mutual TLS')).toHaveCount(0);
    await workspace.item('request', 'Mutual TLS').click();
    await shuttle.openRequestSection('Settings');
    await expect(page.getByTestId('setting-client-passphrase')).toHaveValue(canary);
    await expect(settings).toContainText('client-key.enc.pem');
    await expect(settings.getByTestId('setting-client-secret-missing')).toHaveCount(0);
    await shuttle.send.click();
    await expect(shuttle.status).toHaveText('200 OK');
    await expect.poll(() => shuttle.shownBody()).toContain('"clientSubject": "shuttle-client"');

    // A copy made outside Shuttle (as git brings one) has the markers but not the secrets: it says so, and is not sent.
    await copyFile(saved, join(root, 'Shop', 'Orders', 'Copied.yaml'));
    await expect(workspace.item('request', 'Copied')).toBeVisible({ timeout: 2_000 });
    await workspace.item('request', 'Copied').click();
    await shuttle.openRequestSection('Settings');
    const missing = settings.getByTestId('setting-client-secret-missing');
    await expect(missing).toHaveCount(2);
    await expect(missing.and(page.locator('[data-part="passphrase"]'))).toHaveText(
      'Not on this machine (it is kept outside the workspace, where it was saved): enter it again.',
    );
    await expect(missing.and(page.locator('[data-part="key"]'))).toHaveText(
      'Not on this machine (it is kept outside the workspace, where it was saved): choose the file again.',
    );
    const handshakes = server.handshakes;
    await shuttle.send.click();
    await expect(shuttle.error).toHaveAttribute('data-error-code', 'SECRET_MISSING');
    await expect(shuttle.error).toContainText(
      'The client certificate’s passphrase or key file for Shop/Orders/Copied is not on this machine: enter it in Settings.',
    );
    expect(server.handshakes).toBe(handshakes);
    await settings.getByTestId('setting-client-key').locator('xpath=..').scrollIntoViewIfNeeded();
    await shuttle.screenshot('workspace-certificate-secret-missing');
  } finally {
    await server.close();
    await rm(keyDir, { recursive: true, force: true });
  }
});

test('after a restart of the host the same tabs come back with their unsaved drafts and the selected environment', async ({ webHost, browser }) => {
  await seedCollection(webHost.dataDir);
  await mkdir(join(workspaceRoot(webHost.dataDir), 'Shop', 'environments'));
  await writeFile(
    join(workspaceRoot(webHost.dataDir), 'Shop', 'environments', 'staging.yaml'),
    'kind: environment\nformatVersion: 1\nvariables:\n  - name: baseUrl\n    value: http://127.0.0.1:9\n',
  );
  const first = await browser.newPage();
  const shuttle = new ShuttlePage(first);
  await shuttle.open(webHost.launchUrl);
  const workspace = new WorkspacePanel(first);
  await workspace.show();
  await workspace.item('collection', 'Shop').click();
  await workspace.item('folder', 'Orders').click();
  await workspace.item('request', 'List orders').click();
  await workspace.envSelect.selectOption('staging');
  await shuttle.url.fill('{{baseUrl}}/echo?draft=unsaved-edit');
  await first.getByTestId('new-tab').click();
  await shuttle.url.fill('http://127.0.0.1:1/scratch-draft');
  // The journal is written shortly after the last change: wait for it rather than for a guessed time.
  const journal = join(webHost.dataDir, 'session.json');
  await expect.poll(() => readFile(journal, 'utf8').catch(() => ''), { timeout: 5_000 }).toContain('scratch-draft');
  await first.close();
  await webHost.stop();

  const restarted = await startWebHostProcess(webHost.dataDir);
  try {
    const page = await browser.newPage();
    const again = new ShuttlePage(page);
    await again.open(restarted.launchUrl);
    const tabs = page.getByTestId('tab');
    await expect(tabs).toHaveCount(3);
    await expect(again.url).toHaveValue('http://127.0.0.1:1/scratch-draft');
    const listOrders = new WorkspacePanel(page).tab('List orders');
    await expect(listOrders).toHaveAttribute('data-dirty', 'true');
    await listOrders.getByRole('tab').click();
    await expect(again.url).toHaveValue('{{baseUrl}}/echo?draft=unsaved-edit');
    await expect(new WorkspacePanel(page).envSelect).toHaveValue('staging');
  } finally {
    await restarted.stop();
  }
});

test('the command palette jumps to a saved request; closing a tab with unsaved edits asks first', async ({ webHost, page }) => {
  await seedCollection(webHost.dataDir);
  await writeFile(join(workspaceRoot(webHost.dataDir), 'Shop', 'Orders', 'Create order.yaml'), 'kind: http\nformatVersion: 1\nmethod: POST\nurl: /orders\n');
  const shuttle = new ShuttlePage(page);
  await shuttle.open(webHost.launchUrl);
  const workspace = new WorkspacePanel(page);

  await page.keyboard.press('ControlOrMeta+k');
  const palette = page.getByTestId('command-palette');
  await expect(palette).toBeVisible();
  await palette.getByTestId('palette-input').fill('create ord');
  await expect(palette.getByTestId('palette-item').first()).toContainText('Create order');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(workspace.tab('Create order')).toHaveAttribute('data-active', 'true');
  await expect(shuttle.url).toHaveValue('/orders');

  await shuttle.url.fill('/orders?changed=1');
  await workspace.tab('Create order').getByRole('button', { name: 'Close tab' }).click();
  const ask = page.getByTestId('close-dirty-dialog');
  await expect(ask).toBeVisible();
  await ask.getByTestId('close-cancel').click();
  await expect(workspace.tab('Create order')).toHaveAttribute('data-dirty', 'true');

  await workspace.tab('Create order').getByRole('button', { name: 'Close tab' }).click();
  await ask.getByTestId('close-save').click();
  await expect(workspace.tab('Create order')).toHaveCount(0);
  expect(await readFile(join(workspaceRoot(webHost.dataDir), 'Shop', 'Orders', 'Create order.yaml'), 'utf8')).toContain('url: /orders?changed=1');
});
