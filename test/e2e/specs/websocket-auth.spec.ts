import type { Page } from '@playwright/test';
import { certPath } from '../../fixtures/servers/test-certificates.ts';
import { BASIC_AUTH } from '../../fixtures/servers/ws-fixture.ts';
import { expect, test } from '../fixtures/websocket.ts';

/** Picks a certificate file in the WebSocket settings and waits until the tab holds it (the page reads it first). */
async function pickCertificate(page: Page, testId: string, file: string): Promise<void> {
  await page.getByTestId(testId).setInputFiles(certPath(file));
  await expect(page.getByTestId('ws-certificates')).toContainText(file);
}

test('Basic auth from the Auth tab opens a handshake the server guards; Digest is not offered', async ({ shuttle, ws, wsServer }) => {
  const page = shuttle.page;
  await ws.open();
  await ws.url.fill(`${wsServer.url}/basic`);
  await ws.connect.click();
  await expect(ws.error).toHaveAttribute('data-error-code', 'HANDSHAKE_REJECTED');
  await expect(ws.error).toContainText('HTTP 401 Unauthorized');

  await ws.openSection('Auth');
  const authType = page.getByTestId('auth-type');
  await expect(authType.locator('option')).toHaveText(['No auth', 'Inherit from parent', 'Basic auth', 'Bearer token', 'API key', 'OAuth 2.0', 'AWS Signature v4']);
  await authType.selectOption('basic');
  await page.getByTestId('auth-username').fill(BASIC_AUTH.username);
  await page.getByTestId('auth-password').fill(BASIC_AUTH.password);
  await expect(page.getByText('Digest is not offered')).toBeVisible();
  await shuttle.screenshot('websocket-auth');
  await ws.connect.click();

  await expect(ws.state).toHaveAttribute('data-state', 'open');
  await expect(ws.error).toHaveCount(0);
  const expected = `Basic ${Buffer.from(`${BASIC_AUTH.username}:${BASIC_AUTH.password}`).toString('base64')}`;
  expect(wsServer.connections[0]!.headers.authorization).toBe(expected);
  await ws.openSection('Handshake');
  await expect(page.getByTestId('ws-request-headers')).toContainText(expected);
});

test('wss with a client certificate: refused clearly without one, connects with the certificate and the CA given', async ({ shuttle, ws, mtlsServer }) => {
  const page = shuttle.page;
  await ws.open();
  await ws.url.fill(`${mtlsServer.url}/echo`);
  await ws.openSection('Settings');
  await pickCertificate(page, 'setting-ca-cert', 'ca.pem');
  await ws.connect.click();

  await expect(ws.error).toHaveAttribute('data-error-code', 'TLS');
  await expect(ws.error).toContainText('The secure connection to 127.0.0.1 failed: the server requires a client certificate.');
  await expect(ws.state).toHaveText('Could not connect');

  await pickCertificate(page, 'setting-client-cert', 'client.pem');
  await pickCertificate(page, 'setting-client-key', 'client-key.pem');
  await page.getByTestId('ws-certificates').scrollIntoViewIfNeeded();
  await shuttle.screenshot('websocket-client-certificate');
  await ws.connect.click();

  await expect(ws.state).toHaveAttribute('data-state', 'open');
  await expect(ws.error).toHaveCount(0);
  expect(mtlsServer.connections[0]!.clientSubject).toBe('shuttle-client');
  await ws.write('Text', 'hello over mTLS');
  await ws.send.click();
  await expect(ws.messages.filter({ hasText: 'hello over mTLS' })).toHaveCount(2);

  // The handshake view names the connection: TLS, the server's certificate and the one this tab offered.
  await ws.openSection('Handshake');
  const facts = page.getByTestId('ws-handshake').getByTestId('connection-facts');
  await expect(facts).toContainText('TLSv1.3');
  await expect(facts.getByTestId('connection-certificate')).toContainText('CN=localhost');
  await expect(facts.getByTestId('timeline-client-certificate')).toContainText('CN=shuttle-client');
  await facts.getByTestId('timeline-client-certificate').scrollIntoViewIfNeeded();
  await shuttle.screenshot('websocket-handshake-tls');
});

test('wss to a server nobody told this tab to trust: the refusal names the reason; with verification off it connects', async ({ shuttle, ws, mtlsServer }) => {
  const page = shuttle.page;
  await ws.open();
  await ws.url.fill(`${mtlsServer.url}/echo`);
  await ws.openSection('Settings');
  await pickCertificate(page, 'setting-client-cert', 'client.pem');
  await pickCertificate(page, 'setting-client-key', 'client-key.pem');
  await ws.connect.click();
  await expect(ws.error).toHaveAttribute('data-error-code', 'TLS');
  // The server's certificate is signed by the test CA, which this connection was not told to trust.
  await expect(ws.error).toContainText(/The secure connection to 127\.0\.0\.1 failed: the certificate (chain ends in a self-signed certificate nobody trusts|is signed by an unknown authority)\./);
  await expect(ws.error.getByTestId('error-hint')).toContainText('Settings → Certificates');

  await page.getByTestId('ws-tls-verify').uncheck();
  await ws.connect.click();
  await expect(ws.state).toHaveAttribute('data-state', 'open');
  expect(mtlsServer.connections[0]!.clientSubject).toBe('shuttle-client');
});

test('wss with a PKCS#12 bundle: a wrong passphrase is explained before connecting; the right one connects', async ({ shuttle, ws, mtlsServer }) => {
  const page = shuttle.page;
  await ws.open();
  await ws.url.fill(`${mtlsServer.url}/echo`);
  await ws.openSection('Settings');
  await pickCertificate(page, 'setting-client-pfx', 'client.p12');
  await page.getByTestId('setting-client-passphrase').fill('not-it');
  await ws.connect.click();
  await expect(ws.error).toHaveAttribute('data-error-code', 'TLS');
  await expect(ws.error).toContainText('The secure connection to 127.0.0.1 failed: the client certificate could not be opened: wrong passphrase?');
  expect(mtlsServer.upgrades).toBe(0);

  // The bundle carries the test CA too, and Node trusts the CA certificates of a PFX for that connection.
  await page.getByTestId('setting-client-passphrase').fill('shuttle');
  await ws.connect.click();
  await expect(ws.state).toHaveAttribute('data-state', 'open');
  expect(mtlsServer.connections[0]!.clientSubject).toBe('shuttle-client');
});
