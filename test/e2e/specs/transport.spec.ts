import { createHash, createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startH2Fixture, type H2Fixture } from '../../fixtures/servers/h2-fixture.ts';
import { OAUTH_CLIENT } from '../../fixtures/servers/oauth-server.ts';
import { certPath, testCertificates } from '../../fixtures/servers/test-certificates.ts';
import { startTlsFixture } from '../../fixtures/servers/tls-fixture.ts';
import { DIGEST_ACCOUNT, startTransportFixture, type TransportFixture } from '../../fixtures/servers/transport-fixture.ts';
import { expect, test as base } from '../fixtures/test.ts';
import { WorkspacePanel } from '../pages/workspace-panel.ts';

const test = base.extend<{ transport: TransportFixture; h2: H2Fixture }>({
  transport: async ({}, use) => {
    const fixture = await startTransportFixture();
    await use(fixture);
    await fixture.close();
  },
  h2: async ({}, use) => {
    const fixture = await startH2Fixture();
    await use(fixture);
    await fixture.close();
  },
});

test('a multipart upload with a file part arrives intact (server-side checksum)', async ({ shuttle, transport, page }) => {
  const file = join(await mkdtemp(join(tmpdir(), 'shuttle-upload-')), 'photo.bin');
  const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256));
  await writeFile(file, bytes);

  await shuttle.compose('POST', `${transport.url}/multipart`);
  await shuttle.openRequestSection('Body');
  await page.getByTestId('body-mode').selectOption('multipart');
  const table = page.getByTestId('multipart-table');
  await table.getByTestId('kv-name').last().fill('note');
  await table.getByTestId('kv-value').first().fill('hello');
  await table.getByTestId('kv-name').last().fill('upload');
  await table.getByTestId('multipart-kind').nth(1).selectOption('file');
  await table.getByTestId('multipart-file').first().setInputFiles(file);
  await table.getByTestId('multipart-content-type').nth(1).fill('application/x-test');
  await shuttle.send.click();

  await expect(shuttle.status).toHaveText('200 OK');
  await expect.poll(() => shuttle.shownBody()).toContain(createHash('sha256').update(bytes).digest('hex'));
  const shown = await shuttle.shownBody();
  expect(shown).toContain('"filename": "photo.bin"');
  expect(shown).toContain('"contentType": "application/x-test"');
  expect(shown).toContain('"text": "hello"');
});

test('a GraphQL query with variables returns data', async ({ shuttle, transport, page }) => {
  await shuttle.compose('POST', `${transport.url}/graphql`);
  await shuttle.openRequestSection('Body');
  await page.getByTestId('body-mode').selectOption('graphql');
  await page.getByTestId('graphql-query').locator('.cm-content').click();
  await page.keyboard.insertText('query Greet($name: String) { hello(name: $name) }');
  await page.getByTestId('graphql-variables').locator('.cm-content').click();
  await page.keyboard.insertText('{"name":"Ada"}');
  await page.getByTestId('graphql-operation').fill('Greet');
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  await expect.poll(() => shuttle.shownBody()).toContain('"hello": "Hello, Ada"');
  expect(transport.requests.at(-1)?.headers['content-type']).toBe('application/json');
  await shuttle.screenshot('graphql');
});

test('Digest auth answers the challenge and gets in', async ({ shuttle, transport, page }) => {
  await shuttle.compose('GET', `${transport.url}/digest`);
  await shuttle.openRequestSection('Auth');
  await page.getByTestId('auth-type').selectOption('digest');
  await page.getByTestId('auth-username').fill(DIGEST_ACCOUNT.username);
  await page.getByTestId('auth-password').fill(DIGEST_ACCOUNT.password);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
});

test('OAuth 2.0 client credentials: the token is fetched, shown, and used', async ({ shuttle, transport, page }) => {
  await shuttle.compose('GET', `${transport.url}/oauth/protected`);
  await shuttle.openRequestSection('Auth');
  await page.getByTestId('auth-type').selectOption('oauth2');
  await page.getByTestId('auth-tokenUrl').fill(`${transport.url}/oauth/token`);
  await page.getByTestId('auth-clientId').fill(OAUTH_CLIENT.id);
  await page.getByTestId('auth-clientSecret').fill(OAUTH_CLIENT.secret);
  await page.getByTestId('oauth2-fetch').click();
  await expect(page.getByTestId('oauth2-access-token')).not.toBeEmpty();
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  await shuttle.screenshot('oauth2-client-credentials');
});

test('HTTPS with a self-signed certificate: refused by default, h2 once verification is off for that request', async ({ shuttle, h2, page }) => {
  await shuttle.compose('GET', `${h2.url}/json`);
  await shuttle.send.click();
  await expect(shuttle.error).toHaveAttribute('data-error-code', 'TLS');

  await shuttle.openRequestSection('Settings');
  await page.getByTestId('setting-verify-tls').uncheck();
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText(/^200/);
  await expect(page.getByTestId('response-protocol')).toHaveText('HTTP/2');
  await expect.poll(() => shuttle.shownBody()).toContain('"protocol": "h2"');
});

test('Settings → Certificates: certificate checks turned off for one host let its self-signed server answer; the request says so', async ({ shuttle, h2, page }) => {
  await shuttle.compose('GET', `${h2.url}/json`);
  await shuttle.send.click();
  await expect(shuttle.error).toHaveAttribute('data-error-code', 'TLS');

  await page.getByTestId('open-settings').click();
  const section = page.getByTestId('settings-certificates');
  await section.getByTestId('host-certificate-add').click();
  await section.getByTestId('host-certificate-host').fill(`127.0.0.1:${new URL(h2.url).port}`);
  await section.getByTestId('host-certificate-verify').uncheck();
  await page.getByTestId('settings-dialog').getByRole('button', { name: 'Close' }).click();

  await shuttle.openRequestSection('Settings');
  const host = `127.0.0.1:${new URL(h2.url).port}`;
  await expect(page.getByTestId('setting-host-unverified')).toContainText(host);
  // The request's own checkbox shows what applies, and where it comes from.
  await expect(page.getByTestId('setting-verify-tls')).not.toBeChecked();
  await expect(page.locator('[data-testid="setting-inherited"][data-key="verifyTls"]')).toContainText(`Settings → Certificates (${host})`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText(/^200/);
  await expect(page.getByTestId('response-protocol')).toHaveText('HTTP/2');

  // This request asks for verification after all: the host's choice no longer applies to it.
  await page.getByTestId('setting-verify-tls').check();
  await shuttle.send.click();
  await expect(shuttle.error).toHaveAttribute('data-error-code', 'TLS');
});

test('a 3-hop redirect shows each exchange in the timeline with its timings', async ({ shuttle, transport, page }) => {
  await shuttle.compose('GET', `${transport.url}/redirect/3`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  await page.getByTestId('response-timeline').click();
  const exchanges = page.getByTestId('timeline-exchange');
  await expect(exchanges).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(exchanges.nth(i).locator('.waterfall-row').first()).toBeVisible();
  await expect(exchanges.nth(0)).toContainText('302');
  await expect(exchanges.nth(2)).toContainText('200');
  await shuttle.screenshot('timeline-redirects');
});

test('the timeline shows the body each exchange sent: a 307 sends it again', async ({ shuttle, transport, page }) => {
  await shuttle.compose('POST', `${transport.url}/redirect/2?status=307`);
  await shuttle.writeBody('json', '{"order": 42}');
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  await page.getByTestId('response-timeline').click();

  const exchanges = page.getByTestId('timeline-exchange');
  await expect(exchanges).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    await exchanges.nth(i).getByText('Request as sent').click();
    // As on the wire: the headers, a blank line, the body.
    await expect(exchanges.nth(i).getByTestId('timeline-request-raw')).toContainText(/content-length: 13\s+\{"order": 42\}$/);
  }
  await shuttle.screenshot('timeline-request-body');
});

test('trailers a server sends after a chunked body are shown apart from the headers', async ({ shuttle, transport, page }) => {
  await shuttle.compose('GET', `${transport.url}/trailers`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText(/^200/);
  await page.getByRole('tab', { name: /Headers/ }).last().click();

  const trailers = page.getByTestId('response-trailers');
  await expect(trailers).toContainText('Server-Timing');
  await expect(trailers).toContainText('db;dur=53');
  await expect(trailers).toContainText('X-Body-Sha256');
  await expect(shuttle.responseHeaders).toContainText('Transfer-Encoding');
  await expect(shuttle.responseHeaders).not.toContainText('db;dur=53');
  await shuttle.screenshot('response-trailers');
});

test('a gzip response shows both the decoded and the on-the-wire size', async ({ shuttle, transport, page }) => {
  await shuttle.compose('GET', `${transport.url}/gzip`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  await expect(page.getByTestId('response-wire-size')).toContainText('on the wire');
  await expect(page.getByTestId('response-size')).toHaveAttribute('title', /decoded from .* \(gzip\)/);
});

test('cookies a server sets go back with later requests, show in the cookie manager, and stay in their workspace', async ({ shuttle, transport, page }) => {
  // /cookies answers with the Cookie header it got; each expected answer differs from the one shown before it.
  const expectSentCookie = async (cookie: string | null) => {
    await shuttle.compose('GET', `${transport.url}/cookies`);
    await shuttle.send.click();
    await expect
      .poll(async () => {
        try {
          return (JSON.parse(await shuttle.shownBody()) as { cookie?: string | null }).cookie;
        } catch {
          return 'no JSON body shown yet';
        }
      })
      .toBe(cookie);
  };
  await shuttle.compose('GET', `${transport.url}/set-cookie`);
  await shuttle.send.click();
  await expect(shuttle.status).toHaveText('200 OK');
  await expectSentCookie('session=abc123; theme=dark');

  await page.getByTestId('open-cookies').click();
  const manager = page.getByTestId('cookie-manager');
  await expect(manager.getByRole('heading', { name: 'Cookies · default' })).toBeVisible();
  await expect(manager.getByTestId('cookie-row')).toHaveCount(2);
  await expect(manager.locator('[data-testid="cookie-row"][data-name="session"]')).toContainText('HttpOnly');
  await shuttle.screenshot('cookie-manager');
  await manager.getByRole('button', { name: 'Delete theme' }).click();
  await expect(manager.getByTestId('cookie-row')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expectSentCookie('session=abc123');

  // Another workspace has a jar of its own.
  await new WorkspacePanel(page).show();
  await page.getByTestId('workspace-switch').click();
  await page.getByTestId('workspace-path').fill(join(await mkdtemp(join(tmpdir(), 'shuttle-ws-')), 'other-project'));
  await page.getByTestId('workspace-dialog').getByRole('button', { name: 'Open' }).click();
  await expect(page.getByTestId('workspace-switch')).toContainText('other-project');
  await expectSentCookie(null);
  await page.getByTestId('open-cookies').click();
  await expect(manager.getByRole('heading', { name: 'Cookies · other-project' })).toBeVisible();
  await expect(manager.getByTestId('cookie-row')).toHaveCount(0);
});

test('a certificate and its key picked before either was read are both kept', async ({ shuttle, page }) => {
  await shuttle.compose('GET', 'https://127.0.0.1:9/');
  await shuttle.openRequestSection('Settings');
  // Both picks land in one task, before the browser has read either file: what a quick hand (or a busy
  // machine) does. Each read ends later and must add its file to what the other one set.
  await page.evaluate(() => {
    const pick = (testId: string, name: string) => {
      const input = document.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)!;
      const files = new DataTransfer();
      files.items.add(new File([`-----BEGIN ${name}-----`], name));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    pick('setting-client-cert', 'client.pem');
    pick('setting-client-key', 'client-key.pem');
  });

  const panel = page.getByTestId('request-settings');
  await expect(panel).toContainText('client.pem');
  await expect(panel).toContainText('client-key.pem');
});

test('Settings → Certificates: a host’s client certificate and CA are used by a request that sets none, and its key stays out of settings.json', async ({ shuttle, webHost, page }) => {
  const server = await startTlsFixture('ca-signed', { requireClientCert: true });
  try {
    // The key, encrypted with a canary passphrase, so the passphrase has to reach the TLS layer too.
    const canary = `CANARY-${Date.now()}-host-passphrase`;
    const keyFile = join(await mkdtemp(join(tmpdir(), 'shuttle-host-cert-')), 'client-key.enc.pem');
    await writeFile(keyFile, createPrivateKey(testCertificates.client.key).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: canary }) as string);

    // Without an entry the server turns the request away (it has no certificate and does not trust the server's CA).
    await shuttle.compose('GET', `${server.url}/`);
    await shuttle.send.click();
    await expect(shuttle.error).toHaveAttribute('data-error-code', 'TLS');

    await page.getByTestId('open-settings').click();
    const section = page.getByTestId('settings-certificates');
    await section.getByTestId('host-certificate-add').click();
    const entry = section.getByTestId('host-certificate');
    await entry.getByTestId('host-certificate-host').fill('https://127.0.0.1');
    await expect(entry.getByTestId('host-certificate-problem')).toHaveText(/Not a host/);
    await entry.getByTestId('host-certificate-host').fill(`127.0.0.1:${server.port}`);
    await expect(entry.getByTestId('host-certificate-problem')).toHaveCount(0);
    await entry.getByTestId('setting-client-cert').setInputFiles(certPath('client.pem'));
    await entry.getByTestId('setting-client-key').setInputFiles(keyFile);
    await entry.getByTestId('setting-client-passphrase').fill(canary);
    await entry.getByTestId('setting-ca-cert').setInputFiles(certPath('ca.pem'));
    await section.scrollIntoViewIfNeeded();
    await shuttle.screenshot('settings-certificates');
    await page.getByTestId('settings-dialog').getByRole('button', { name: 'Close' }).click();

    await shuttle.openRequestSection('Settings');
    await expect(page.getByTestId('setting-host-certificates')).toContainText(`127.0.0.1:${server.port}`);
    await shuttle.send.click();
    await expect(shuttle.status).toHaveText(/^200/);
    await expect.poll(() => shuttle.shownBody()).toContain('"clientSubject": "shuttle-client"');
    await page.getByTestId('response-timeline').click();
    await expect(page.getByTestId('timeline-client-certificate')).toContainText('CN=shuttle-client');
    await shuttle.screenshot('timeline-client-certificate');

    const settingsFile = await readFile(join(webHost.dataDir, 'settings.json'), 'utf8');
    expect(settingsFile).toContain(`127.0.0.1:${server.port}`);
    expect(settingsFile).not.toContain(canary);
    expect(settingsFile).not.toContain((await readFile(keyFile)).toString('base64').slice(0, 64));
  } finally {
    await server.close();
  }
});

test.describe('a CA installed in the operating system', () => {
  // The web host's system store is what OpenSSL's SSL_CERT_FILE / SSL_CERT_DIR name: here the test CA alone, as
  // `mkcert -install` would put its CA there. NODE_EXTRA_CA_CERTS is removed so that it cannot be what trusts it.
  test.use({
    webHostEnv: async ({}, use) => {
      const emptyDir = await mkdtemp(join(tmpdir(), 'shuttle-no-certs-'));
      await use({ SSL_CERT_FILE: certPath('ca.pem'), SSL_CERT_DIR: emptyDir, NODE_EXTRA_CA_CERTS: undefined });
      await rm(emptyDir, { recursive: true, force: true });
    },
  });

  test('is trusted as browsers trust it; switched off in Settings → Certificates, the server is an unknown authority again', async ({ shuttle, webHost, page }) => {
    const server = await startTlsFixture('ca-signed');
    try {
      await shuttle.compose('GET', `${server.url}/`);
      await shuttle.send.click();
      await expect(shuttle.status).toHaveText(/^200/);

      await page.getByTestId('open-settings').click();
      const trust = page.getByTestId('settings-trust-system-certificates');
      await expect(trust).toBeChecked();
      await trust.uncheck();
      // Saved at once, as every setting is.
      const saved = () => readFile(join(webHost.dataDir, 'settings.json'), 'utf8').then((text) => JSON.parse(text).settings.trustSystemCertificates, () => 'not written yet');
      await expect.poll(saved).toBe(false);
      await page.getByTestId('settings-dialog').getByRole('button', { name: 'Close' }).click();
      await shuttle.send.click();
      await expect(shuttle.error).toHaveAttribute('data-error-code', 'TLS');
      await expect(shuttle.error).toContainText('signed by an unknown authority');
      // And what to do about it.
      await expect(page.getByTestId('response-error-hint')).toContainText('Settings → Certificates');
      await shuttle.screenshot('error-untrusted-certificate');

      await page.getByTestId('open-settings').click();
      await trust.check();
      await page.getByTestId('settings-dialog').getByRole('button', { name: 'Close' }).click();
      await shuttle.send.click();
      await expect(shuttle.status).toHaveText(/^200/);
    } finally {
      await server.close();
    }
  });
});
