import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ClientCertificate, HttpRequestSpec } from '../../../../../shared/model/request.ts';
import { emptyWsRequest } from '../../../../../shared/model/websocket.ts';
import type { SavedRequest } from '../../../../../shared/model/workspace.ts';
import { decodeRequest, decodeSettings, encodeRequest } from '../../../../../main/store/workspace/document-codecs.ts';
import { certPath, testCertificates } from '../../../../fixtures/servers/test-certificates.ts';
import { startTestEngine, httpSpec, type TestEngine } from '../../../helpers/engine.ts';
import { failureOf } from '../../../helpers/failure.ts';
import { tempDir } from '../../../helpers/temp-dir.ts';
import { jsonOf, tlsFixture } from '../../../helpers/transport-servers.ts';
import { http, openTestWorkspace } from '../../../helpers/workspace.ts';

const PASSPHRASE = 'CANARY-passphrase-7d41';
const KEY_BYTES = Buffer.from('-----BEGIN ENCRYPTED PRIVATE KEY-----\nCANARY-key-bytes-93be\n-----END ENCRYPTED PRIVATE KEY-----\n').toString('base64');
const PFX_BYTES = Buffer.from('CANARY-pfx-bytes-0c2a').toString('base64');
const CERT_BYTES = Buffer.from('-----BEGIN CERTIFICATE-----\npublic\n-----END CERTIFICATE-----\n').toString('base64');
const CANARIES = [PASSPHRASE, KEY_BYTES, PFX_BYTES, 'CANARY'];

const pemCertificate: ClientCertificate = {
  cert: { kind: 'inline', fileName: 'me.crt', base64: CERT_BYTES },
  key: { kind: 'inline', fileName: 'me.key', base64: KEY_BYTES },
  passphrase: PASSPHRASE,
};

function withCertificate(clientCert: ClientCertificate, spec: Partial<HttpRequestSpec> = {}): SavedRequest {
  return http({ url: 'https://127.0.0.1:1/', ...spec, settings: { timeoutMs: 5000, clientCert } });
}

/** Every file under a folder, recursively, with its text. */
async function filesUnder(dir: string): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (path) => ({ path, text: await readFile(path, 'utf8') })));
}

async function expectNoCanaryUnder(dir: string): Promise<void> {
  for (const { path, text } of await filesUnder(dir)) for (const canary of CANARIES) expect(text, path).not.toContain(canary);
}

async function shop() {
  const opened = await openTestWorkspace();
  await opened.workspace.createCollection('Shop');
  await opened.workspace.createFolder('Shop', 'Orders');
  return opened;
}

describe('client certificate secrets in workspace files', () => {
  it('a file keeps markers in place of a typed passphrase and inline key or bundle; the public certificate, paths and {{references}} stay as written', () => {
    const document = encodeRequest(
      withCertificate({ ...pemCertificate, pfx: { kind: 'inline', fileName: 'me.p12', base64: PFX_BYTES } }, { auth: { type: 'none' } }),
    );
    expect(document.settings).toEqual({
      timeoutMs: 5000,
      clientCert: {
        cert: { kind: 'inline', fileName: 'me.crt', base64: CERT_BYTES },
        key: { kind: 'inline', fileName: 'me.key', secret: true },
        pfx: { kind: 'inline', fileName: 'me.p12', secret: true },
        passphrase: { secret: true },
      },
    });

    const byPath = encodeRequest({
      kind: 'websocket',
      spec: { ...emptyWsRequest(), clientCert: { pfx: { kind: 'path', path: '/home/me/me.p12' }, passphrase: '{{certPassphrase}}' } },
    });
    expect(byPath.clientCert).toEqual({ cert: undefined, key: undefined, pfx: { kind: 'path', path: '/home/me/me.p12' }, passphrase: '{{certPassphrase}}' });
  });

  it('reading markers gives placeholders and the parts to look up; a base64 written by hand beside secret: true is ignored', () => {
    const decoded = decodeRequest(
      parse(
        [
          'kind: http',
          'formatVersion: 1',
          'url: https://127.0.0.1:1/',
          'settings:',
          '  clientCert:',
          '    key: { kind: inline, fileName: me.key, secret: true, base64: planted }',
          '    cert: { kind: path, path: /home/me/me.crt }',
          '    passphrase: { secret: true }',
        ].join('\n'),
      ) as Record<string, unknown>,
    );

    expect(decoded.ok && decoded.value.certificateSecrets).toEqual(['passphrase', 'key']);
    expect(decoded.ok && decoded.value.request.kind === 'http' && decoded.value.request.spec.settings).toEqual({
      clientCert: { key: { kind: 'inline', fileName: 'me.key', base64: '' }, cert: { kind: 'path', path: '/home/me/me.crt' } },
    });
    const folder = decodeSettings('folder', { kind: 'folder', formatVersion: 1, settings: { clientCert: { pfx: { kind: 'inline', fileName: 'me.p12', secret: true } } } });
    expect(folder.ok && folder.value.certificateSecrets).toEqual(['pfx']);
  });

  it('saving an HTTP request writes no passphrase or key bytes to its file; reopening gives the same request back', async () => {
    const { workspace, root, dataDir } = await shop();
    const request = withCertificate(pemCertificate);

    const saved = await workspace.saveRequest({ parent: 'Shop/Orders', name: 'Mutual TLS', request });

    await expectNoCanaryUnder(root);
    expect(await readFile(join(root, 'Shop', 'Orders', 'Mutual TLS.yaml'), 'utf8')).toBe(
      [
        'kind: http',
        'formatVersion: 1',
        'method: GET',
        'url: https://127.0.0.1:1/',
        'settings:',
        '  timeoutMs: 5000',
        '  clientCert:',
        '    cert:',
        '      kind: inline',
        '      fileName: me.crt',
        `      base64: ${CERT_BYTES}`,
        '    key:',
        '      kind: inline',
        '      fileName: me.key',
        '      secret: true',
        '    passphrase:',
        '      secret: true',
        '',
      ].join('\n'),
    );
    // The values are in the data folder's 0600 secret store instead.
    const secretsFile = join(dataDir, 'secrets.json');
    expect(await readFile(secretsFile, 'utf8')).toContain(PASSPHRASE);
    expect((await stat(secretsFile)).mode & 0o777).toBe(0o600);
    expect((await workspace.readRequest(saved.path)).request).toEqual(request);
  });

  it('a WebSocket request and collection settings keep theirs the same way, and a send from inside the collection gets them', async () => {
    const { workspace, root } = await shop();
    const websocket: SavedRequest = { kind: 'websocket', spec: { ...emptyWsRequest(), url: 'wss://127.0.0.1:1/live', clientCert: pemCertificate } };

    const saved = await workspace.saveRequest({ parent: 'Shop', name: 'Live', request: websocket });
    const collectionCert: ClientCertificate = { pfx: { kind: 'inline', fileName: 'team.p12', base64: PFX_BYTES }, passphrase: PASSPHRASE };
    await workspace.saveSettings('Shop', { variables: [], headers: [], settings: { clientCert: collectionCert } });

    await expectNoCanaryUnder(root);
    expect(parse(await readFile(join(root, 'Shop', 'collection.yaml'), 'utf8'))).toEqual({
      kind: 'collection',
      formatVersion: 1,
      settings: { clientCert: { pfx: { kind: 'inline', fileName: 'team.p12', secret: true }, passphrase: { secret: true } } },
    });
    expect((await workspace.readRequest(saved.path)).request).toEqual(websocket);
    expect((await workspace.readSettings('Shop')).settings).toEqual({ clientCert: collectionCert });
    expect((await workspace.scopesFor('Shop/Orders/Any.yaml')).collection?.settings).toEqual({ clientCert: collectionCert });
    // What the editor is told about inheritance names the files but holds no secret.
    expect((await workspace.readInherited('Shop/Orders/Any.yaml'))[0]?.settings).toEqual({ clientCert: { pfx: { kind: 'inline', fileName: 'team.p12', base64: '' } } });
  });

  it('a passphrase that is only a {{reference}} stays in the file; a secret no longer used is dropped from the store', async () => {
    const { workspace, root, secrets } = await shop();
    const saved = await workspace.saveRequest({ parent: 'Shop', name: 'Cert', request: withCertificate(pemCertificate) });
    expect(await secrets.keys()).toHaveLength(2);

    await workspace.saveRequest({ path: saved.path, request: withCertificate({ cert: pemCertificate.cert, key: { kind: 'path', path: '/home/me/me.key' }, passphrase: '{{certPassphrase}}' }) });

    expect(parse(await readFile(join(root, 'Shop', 'Cert.yaml'), 'utf8')).settings.clientCert).toMatchObject({
      key: { kind: 'path', path: '/home/me/me.key' },
      passphrase: '{{certPassphrase}}',
    });
    expect(await secrets.keys()).toEqual([]);
  });

  it('renaming, moving and duplicating a request, folder or collection take its secrets along; delete keeps them for undo only', async () => {
    const { workspace, secrets } = await shop();
    await workspace.createFolder('Shop', 'Archive');
    const request = withCertificate(pemCertificate);
    await workspace.saveRequest({ parent: 'Shop/Orders', name: 'Cert', request });
    const read = async (path: string) => (await workspace.readRequest(path)).request;

    await workspace.rename('Shop/Orders/Cert.yaml', 'Renamed');
    expect(await read('Shop/Orders/Renamed.yaml')).toEqual(request);
    await workspace.move('Shop/Orders/Renamed.yaml', 'Shop/Archive');
    expect(await read('Shop/Archive/Renamed.yaml')).toEqual(request);
    await workspace.duplicate('Shop/Archive/Renamed.yaml');
    expect(await read('Shop/Archive/Renamed copy.yaml')).toEqual(request);
    await workspace.rename('Shop/Archive', 'Old');
    await workspace.rename('Shop', 'Store');
    await workspace.duplicate('Store/Old');
    expect(await read('Store/Old/Renamed.yaml')).toEqual(request);
    expect(await read('Store/Old copy/Renamed copy.yaml')).toEqual(request);
    // Four requests with a passphrase and a key each; nothing left at an old address.
    expect(await secrets.keys()).toHaveLength(8);

    const { undoId } = await workspace.delete('Store/Old');
    // A request saved at the same path meanwhile does not get the deleted one's secrets.
    await workspace.createFolder('Store', 'Old');
    await writeFile(join(workspace.root, 'Store', 'Old', 'Renamed.yaml'), (await readFile(join(workspace.root, 'Store', 'Old copy', 'Renamed.yaml'), 'utf8')));
    expect((await read('Store/Old/Renamed.yaml')).spec).toMatchObject({ settings: { clientCert: { missingSecrets: { parts: ['passphrase', 'key'] } } } });
    await workspace.delete('Store/Old');
    expect(await workspace.undoDelete(undoId)).toEqual({ path: 'Store/Old' });
    expect(await read('Store/Old/Renamed.yaml')).toEqual(request);
  });

  it('secrets of a deletion the trash no longer keeps are dropped from the store', async () => {
    const { workspace, secrets } = await shop();
    for (let n = 0; n <= 20; n++) {
      const saved = await workspace.saveRequest({ parent: 'Shop', name: `Cert ${n}`, request: withCertificate({ pfx: { kind: 'path', path: '/me.p12' }, passphrase: `${PASSPHRASE}-${n}` }) });
      await workspace.delete(saved.path);
    }

    // The trash keeps the last 20 deletions: the first one, and its passphrase, are gone.
    const kept = await Promise.all((await secrets.keys()).map((key) => secrets.get(key)));
    expect(kept).toHaveLength(20);
    expect(kept).not.toContain(`${PASSPHRASE}-0`);
    expect(kept).toContain(`${PASSPHRASE}-20`);
  });

  it('a file written before secrets moved out loads as it did; its next save moves them into the store', async () => {
    const { workspace, root } = await shop();
    const file = join(root, 'Shop', 'Old.yaml');
    const old = [
      'kind: http',
      'formatVersion: 1',
      'url: https://127.0.0.1:1/',
      'settings:',
      '  clientCert:',
      '    # the team key',
      '    key:',
      '      kind: inline',
      '      fileName: me.key',
      `      base64: ${KEY_BYTES}`,
      `    passphrase: ${PASSPHRASE}`,
      '',
    ].join('\n');
    await writeFile(file, old);
    const loaded = await workspace.readRequest('Shop/Old.yaml');
    const spec = loaded.request.kind === 'http' ? loaded.request.spec : undefined;
    expect(spec?.settings?.clientCert).toEqual({ key: { kind: 'inline', fileName: 'me.key', base64: KEY_BYTES }, passphrase: PASSPHRASE });
    // Opening does not rewrite it.
    expect(await readFile(file, 'utf8')).toBe(old);

    await workspace.saveRequest({ path: loaded.path, ifRevision: loaded.revision, request: loaded.request });

    await expectNoCanaryUnder(root);
    expect(await readFile(file, 'utf8')).toContain('    # the team key\n    key:\n      kind: inline\n      fileName: me.key\n      secret: true\n    passphrase:\n      secret: true\n');
    expect((await workspace.readRequest('Shop/Old.yaml')).request).toEqual(loaded.request);
  });

  it('on a machine without the secrets (a clone) the request opens with what is missing named, and saving it keeps the markers', async () => {
    const first = await shop();
    await first.workspace.saveRequest({ parent: 'Shop/Orders', name: 'Cert', request: withCertificate(pemCertificate) });
    await first.workspace.saveSettings('Shop/Orders', { variables: [], headers: [], settings: { clientCert: { pfx: { kind: 'path', path: '/me.p12' }, passphrase: PASSPHRASE } } });
    const clone = await openTestWorkspace({ dataDir: await tempDir() });
    await cp(join(first.root, 'Shop'), join(clone.root, 'Shop'), { recursive: true });
    const fileBefore = await readFile(join(clone.root, 'Shop', 'Orders', 'Cert.yaml'), 'utf8');

    const loaded = await clone.workspace.readRequest('Shop/Orders/Cert.yaml');

    expect(loaded.request.kind === 'http' && loaded.request.spec.settings?.clientCert).toEqual({
      cert: pemCertificate.cert,
      key: { kind: 'inline', fileName: 'me.key', base64: '' },
      missingSecrets: { parts: ['passphrase', 'key'], savedIn: 'Shop/Orders/Cert' },
    });
    expect((await clone.workspace.readInherited('Shop/Orders/Cert.yaml'))[1]?.settings?.clientCert?.missingSecrets).toEqual({ parts: ['passphrase'], savedIn: 'Shop/Orders' });
    // A teammate's save without the secrets leaves the file's markers (and the owner's values) alone.
    await clone.workspace.saveRequest({ path: loaded.path, ifRevision: loaded.revision, request: loaded.request });
    expect(await readFile(join(clone.root, 'Shop', 'Orders', 'Cert.yaml'), 'utf8')).toBe(fileBefore);
    expect(await clone.secrets.keys()).toEqual([]);
  });
});

describe('sending with client certificate secrets', () => {
  /** Opens a saved HTTP request as the UI does (workspace.readRequest). */
  async function readHttpRequest(engine: TestEngine, path: string): Promise<HttpRequestSpec> {
    const { request } = await (await engine.engine.workspaces.current()).readRequest(path);
    if (request.kind !== 'http') throw new Error(`${path} is not an HTTP request`);
    return request.spec;
  }

  /** Saves a request through the router, as the UI does. */
  async function save(engine: TestEngine, request: SavedRequest): Promise<void> {
    await engine.router.invoke('workspace.createCollection', { name: 'Shop' });
    const saved = await engine.router.invoke('workspace.saveRequest', { parent: 'Shop', name: 'Mutual TLS', request });
    expect(saved.ok).toBe(true);
  }

  it('a request reopened from its file sends with the passphrase and PFX bundle from the store; a clone without them is refused before connecting', async () => {
    const server = await tlsFixture('ca-signed', { requireClientCert: true });
    const owner = await startTestEngine();
    const pfx = { kind: 'inline' as const, fileName: 'client.p12', base64: testCertificates.clientPfx.toString('base64') };
    const spec = httpSpec(`${server.url}/`, {
      settings: { caCert: { kind: 'path', path: certPath('ca.pem') }, clientCert: { pfx, passphrase: testCertificates.clientPfxPassphrase } },
    });
    await save(owner, { kind: 'http', spec });
    const root = join(owner.dataDir, 'workspaces', 'default');
    expect(await readFile(join(root, 'Shop', 'Mutual TLS.yaml'), 'utf8')).not.toContain(pfx.base64.slice(0, 64));

    const reopened = await readHttpRequest(owner, 'Shop/Mutual TLS.yaml');
    expect(reopened).toEqual(spec);
    const sent = await owner.engine.http.send('owner', reopened);
    expect(await jsonOf(owner.engine, sent.bodyId)).toEqual({ authorized: true, clientSubject: 'shuttle-client' });

    // The same workspace on another machine: its files, not its data folder.
    const other = await startTestEngine();
    await cp(root, join(other.dataDir, 'workspaces', 'default'), { recursive: true });
    const clonedSpec = await readHttpRequest(other, 'Shop/Mutual TLS.yaml');
    const handshakes = server.handshakes;

    const result = await other.router.invoke('http.send', { runId: 'clone', request: clonedSpec, context: { requestPath: 'Shop/Mutual TLS.yaml' } });

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'SECRET_MISSING',
        message: "The client certificate's passphrase and pfx for Shop/Mutual TLS are not on this machine",
        detail: { source: 'Shop/Mutual TLS', missing: 'passphrase,pfx' },
      },
    });
    const wss = await failureOf(other.engine.ws.connect('clone-ws', { ...emptyWsRequest(), url: `wss://127.0.0.1:${server.port}/`, clientCert: clonedSpec.settings?.clientCert }));
    expect(wss.code).toBe('SECRET_MISSING');
    expect(server.handshakes).toBe(handshakes);
    // Entered again on this machine, it goes.
    const entered = { ...clonedSpec, settings: { ...clonedSpec.settings, clientCert: { ...clonedSpec.settings?.clientCert, pfx, passphrase: testCertificates.clientPfxPassphrase } } };
    expect((await other.engine.http.send('entered', entered)).status).toBe(200);
  });
});
