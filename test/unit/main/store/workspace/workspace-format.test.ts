import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emptyWsRequest } from '../../../../../shared/model/websocket.ts';
import { decodeRequest, encodeRequest } from '../../../../../main/store/workspace/document-codecs.ts';
import { migrateDocument, type Migration } from '../../../../../main/store/workspace/migrations.ts';
import { http, openTestWorkspace } from '../../../helpers/workspace.ts';

async function workspaceWithFolder() {
  const opened = await openTestWorkspace();
  await opened.workspace.createCollection('Shop');
  await opened.workspace.createFolder('Shop', 'Orders');
  return opened;
}

describe('workspace file format', () => {
  it('writes a request as the documented YAML: fixed key order, defaults left out, multi-line text as a block', async () => {
    const { workspace, root } = await workspaceWithFolder();

    await workspace.saveRequest({
      parent: 'Shop/Orders',
      name: 'Create order',
      request: http({
        // Keys given in an unusual order: the file still has the canonical one.
        body: { text: '{\n  "item": "kumquat"\n}\n', mode: 'json' },
        headers: [
          { enabled: true, value: 'application/json', name: 'Accept' },
          { name: 'X-Debug', value: '1', enabled: false },
        ],
        url: '{{baseUrl}}/orders',
        method: 'POST',
        auth: { type: 'bearer', token: '{{token}}' },
        settings: { timeoutMs: 5000 },
      }),
    });

    expect(await readFile(join(root, 'Shop', 'Orders', 'Create order.yaml'), 'utf8')).toBe(
      [
        'kind: http',
        'formatVersion: 1',
        'method: POST',
        'url: "{{baseUrl}}/orders"',
        'headers:',
        '  - name: Accept',
        '    value: application/json',
        '  - name: X-Debug',
        '    value: "1"',
        '    enabled: false',
        'body:',
        '  mode: json',
        '  text: |',
        '    {',
        '      "item": "kumquat"',
        '    }',
        'auth:',
        '  type: bearer',
        '  token: "{{token}}"',
        'settings:',
        '  timeoutMs: 5000',
        '',
      ].join('\n'),
    );
  });

  it('saving the same request twice gives the same bytes: no timestamps, ids or other volatile fields', async () => {
    const { workspace, root } = await workspaceWithFolder();
    const request = http({ url: 'http://127.0.0.1:1/a', headers: [{ name: 'A', value: 'b', enabled: true }] });
    const saved = await workspace.saveRequest({ parent: 'Shop/Orders', name: 'Same', request });
    const first = await readFile(join(root, 'Shop', 'Orders', 'Same.yaml'), 'utf8');

    const again = await workspace.saveRequest({ path: saved.path, request, ifRevision: saved.revision });

    expect(await readFile(join(root, 'Shop', 'Orders', 'Same.yaml'), 'utf8')).toBe(first);
    expect(again.revision).toBe(saved.revision);
  });

  it('keeps a person’s comments and quoting through a rewrite, and changes only what changed', async () => {
    const { workspace, root } = await workspaceWithFolder();
    const file = join(root, 'Shop', 'Orders', 'Commented.yaml');
    await writeFile(
      file,
      [
        '# Lists the open orders. Ask Ana before changing the filter.',
        'kind: http',
        'formatVersion: 1',
        'method: GET # always GET',
        '# the endpoint, per environment',
        "url: '{{baseUrl}}/orders?status=open'",
        'headers:',
        '  # needed by the gateway',
        '  - name: Accept',
        '    value: application/json',
        '',
      ].join('\n'),
    );
    const loaded = await workspace.readRequest('Shop/Orders/Commented.yaml');
    const spec = loaded.request.kind === 'http' ? loaded.request.spec : undefined;

    await workspace.saveRequest({ path: loaded.path, ifRevision: loaded.revision, request: http({ ...spec, method: 'POST' }) });

    expect(await readFile(file, 'utf8')).toBe(
      [
        '# Lists the open orders. Ask Ana before changing the filter.',
        'kind: http',
        'formatVersion: 1',
        'method: POST # always GET',
        '# the endpoint, per environment',
        "url: '{{baseUrl}}/orders?status=open'",
        'headers:',
        '  # needed by the gateway',
        '  - name: Accept',
        '    value: application/json',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['plain text', 'hello'],
    ['trailing newlines', 'a\nb\n\n\n'],
    ['no trailing newline', 'a\nb'],
    ['leading spaces', '   indented\n  less\nnone'],
    ['trailing spaces on a line', 'a   \nb'],
    ['tabs and CR', 'a\tb\r\nc'],
    ['YAML-looking text', 'key: value\n- item\n# not a comment\n---\n...'],
    ['quotes and braces', '{"a": "{{b}}", \'c\': [1, 2]}'],
    ['unicode', '咖啡 ☕ café\n\u00a0nbsp'],
    ['an empty string', ''],
  ])('a body with %s comes back exactly', async (_what, text) => {
    const { workspace } = await workspaceWithFolder();
    const saved = await workspace.saveRequest({ parent: 'Shop/Orders', name: 'Body', request: http({ body: { mode: 'text', text } }) });

    const read = await workspace.readRequest(saved.path);

    expect(read.request.kind === 'http' && read.request.spec.body.text).toBe(text);
    expect(read.revision).toBe(saved.revision);
  });

  it('round-trips every part of an HTTP request and a WebSocket request', async () => {
    const { workspace } = await workspaceWithFolder();
    const full = http({
      method: 'PATCH',
      url: 'https://api.example.test/users/:id?x=1',
      pathParams: [{ name: 'id', value: '{{userId}}' }],
      headers: [{ name: 'X-A', value: 'b', enabled: false }],
      body: {
        mode: 'multipart',
        text: '',
        form: [{ name: 'f', value: 'v', enabled: true }],
        multipart: [{ name: 'file', enabled: true, kind: 'file', value: '', file: { kind: 'path', path: '/tmp/a.png' } }],
        graphql: { query: 'query { a }', variables: '{}' },
      },
      auth: { type: 'apikey', key: 'X-Key', value: '{{key}}', in: 'header' },
      settings: { followRedirects: false, maxRedirects: 3, verifyTls: false, httpVersion: 'http1', proxyUrl: 'http://proxy:1' },
    });
    const websocket = { kind: 'websocket' as const, spec: { ...emptyWsRequest(), url: 'ws://127.0.0.1:1/chat', subprotocols: ['v1'], pingIntervalMs: 5000 } };

    const savedHttp = await workspace.saveRequest({ parent: 'Shop', name: 'Full', request: full });
    const savedWs = await workspace.saveRequest({ parent: 'Shop', name: 'Chat', request: websocket });

    expect((await workspace.readRequest(savedHttp.path)).request).toEqual(full);
    expect((await workspace.readRequest(savedWs.path)).request).toEqual(websocket);
    const tree = await workspace.tree();
    expect(tree.collections[0]!.children!.filter((node) => node.kind === 'request').map((node) => [node.name, node.requestKind, node.method])).toEqual([
      ['Chat', 'websocket', 'WS'],
      ['Full', 'http', 'PATCH'],
    ]);
  });

  it('reads a hand-written file that leaves out what has a default', () => {
    const decoded = decodeRequest(parse('kind: http\nformatVersion: 1\nurl: /ping\nheaders:\n  - name: A\n    value: b\n') as Record<string, unknown>);

    expect(decoded).toEqual({
      ok: true,
      value: {
        request: { kind: 'http', spec: { method: 'GET', url: '/ping', headers: [{ name: 'A', value: 'b', enabled: true }], body: { mode: 'none', text: '' } } },
        variables: [],
        certificateSecrets: [],
      },
    });
  });

  it('a WebSocket request keeps its auth and certificates; a file from before they existed loads with none', async () => {
    const { workspace, root } = await workspaceWithFolder();
    const spec = {
      ...emptyWsRequest(),
      url: 'wss://{{host}}/live',
      auth: { type: 'bearer' as const, token: '{{token}}' },
      clientCert: { pfx: { kind: 'path' as const, path: 'certs/me.p12' }, passphrase: '{{certPassphrase}}' },
      caCert: { kind: 'path' as const, path: 'certs/ca.pem' },
    };

    const saved = await workspace.saveRequest({ parent: 'Shop', name: 'Live', request: { kind: 'websocket', spec } });

    expect((await workspace.readRequest(saved.path)).request).toEqual({ kind: 'websocket', spec });
    const written = parse(await readFile(join(root, 'Shop', 'Live.yaml'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(written)).toEqual(['kind', 'formatVersion', 'url', 'params', 'headers', 'auth', 'subprotocols', 'tlsVerify', 'clientCert', 'caCert', 'connectTimeoutMs', 'pingIntervalMs', 'autoReconnect']);
    expect(decodeRequest(parse('kind: websocket\nformatVersion: 1\nurl: ws://127.0.0.1:1/chat\n') as Record<string, unknown>)).toMatchObject({
      ok: true,
      value: { request: { kind: 'websocket', spec: { ...emptyWsRequest(), url: 'ws://127.0.0.1:1/chat' } } },
    });
    // A handshake cannot answer a Digest challenge: such a file is reported, not half-loaded.
    const digest = 'kind: websocket\nformatVersion: 1\nurl: ws://127.0.0.1:1/chat\nauth:\n  type: digest\n  username: u\n  password: p\n';
    expect(decodeRequest(parse(digest) as Record<string, unknown>)).toEqual({ ok: false, message: 'auth: Digest auth cannot be used for a WebSocket handshake' });
  });

  it('an HTTP request’s own variables are written last and come back in its spec; saving without them removes them', async () => {
    const { workspace, root } = await workspaceWithFolder();
    const withVariables = http({ url: '/orders/{{orderId}}', variables: [{ name: 'orderId', value: '42', enabled: true }, { name: 'off', value: 'x', enabled: false }] });

    const saved = await workspace.saveRequest({ parent: 'Shop/Orders', name: 'Order', request: withVariables });

    expect(await readFile(join(root, 'Shop', 'Orders', 'Order.yaml'), 'utf8')).toBe(
      'kind: http\nformatVersion: 1\nmethod: GET\nurl: /orders/{{orderId}}\nvariables:\n  - name: orderId\n    value: "42"\n  - name: off\n    value: x\n    enabled: false\n',
    );
    expect((await workspace.readRequest(saved.path)).request).toEqual(withVariables);
    await workspace.saveRequest({ path: saved.path, request: http({ url: '/orders/{{orderId}}' }) });
    expect(await readFile(join(root, 'Shop', 'Orders', 'Order.yaml'), 'utf8')).not.toContain('variables');
  });

  it('a request variable marked secret by hand is an empty one: request variables live in the file, so they hold no secrets', () => {
    const decoded = decodeRequest(parse('kind: http\nformatVersion: 1\nurl: /\nvariables:\n  - name: token\n    secret: true\n    value: planted\n') as Record<string, unknown>);

    expect(decoded.ok && decoded.value.request.kind === 'http' && decoded.value.request.spec.variables).toEqual([{ name: 'token', value: '', enabled: true }]);
  });

  it('a WebSocket request keeps the variables its file has, a secret one by name only', () => {
    const document = encodeRequest({ kind: 'websocket', spec: emptyWsRequest() }, [
      { name: 'plain', value: 'p', enabled: true, secret: false },
      { name: 'hidden', value: 'CANARY', enabled: false, secret: true },
    ]);

    expect(document.variables).toEqual([
      { name: 'plain', value: 'p', enabled: undefined, secret: undefined },
      { name: 'hidden', value: undefined, enabled: false, secret: true },
    ]);
  });
});

describe('format versions and migrations', () => {
  const chain: Migration[] = [
    // v1 → v2: headers as a map became a list of rows.
    { from: 1, up: (document) => ({ ...document, headers: Object.entries((document.headers as Record<string, string>) ?? {}).map(([name, value]) => ({ name, value })) }) },
    // v2 → v3: "uri" was renamed "url".
    { from: 2, up: ({ uri, ...rest }) => ({ ...rest, url: uri }) },
  ];

  it('runs every up() step from the file’s version to the current one, in order', () => {
    const migrated = migrateDocument({ kind: 'http', formatVersion: 1, uri: '/a', headers: { Accept: 'text/plain' } }, chain, 3);

    expect(migrated).toEqual({
      ok: true,
      fromVersion: 1,
      document: { kind: 'http', formatVersion: 3, url: '/a', headers: [{ name: 'Accept', value: 'text/plain' }] },
    });
  });

  it('leaves a current document as it is', () => {
    expect(migrateDocument({ kind: 'http', formatVersion: 3, url: '/a' }, chain, 3)).toEqual({
      ok: true,
      fromVersion: 3,
      document: { kind: 'http', formatVersion: 3, url: '/a' },
    });
  });

  it.each([
    ['a newer version', { formatVersion: 4 }, 'unknown-version'],
    ['a missing version', {}, 'invalid-document'],
    ['a version that is not a whole number', { formatVersion: '1' }, 'invalid-document'],
    ['version 0', { formatVersion: 0 }, 'invalid-document'],
  ])('refuses %s', (_what, document, reason) => {
    expect(migrateDocument(document, chain, 3)).toMatchObject({ ok: false, reason });
  });

  it('a gap in the chain is refused rather than skipped', () => {
    expect(migrateDocument({ formatVersion: 1 }, [chain[1]!], 3)).toMatchObject({ ok: false, reason: 'unknown-version' });
  });
});
