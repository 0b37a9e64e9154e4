import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WsHandshake } from '../../../../shared/model/websocket.ts';
import type { EchoedRequest } from '../../../fixtures/servers/http-fixture.ts';
import { httpSpec, startFixture, startTestEngine, type TestEngine } from '../../helpers/engine.ts';
import { startWsServer, wsSpec } from '../../helpers/ws.ts';

/** Invokes a command through the router, as the UI does, and returns its value (failing the test on an error). */
async function call(engine: TestEngine, command: string, payload: unknown): Promise<unknown> {
  const result = await engine.router.invoke(command, payload);
  if (!result.ok) throw new Error(`${command} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** A workspace with a collection, a folder and a saved request, built through the router. */
async function shopWorkspace(engine: TestEngine, baseUrl: string) {
  await call(engine, 'workspace.createCollection', { name: 'Shop' });
  await call(engine, 'workspace.createFolder', { parent: 'Shop', name: 'Orders' });
  await call(engine, 'workspace.saveSettings', {
    path: '',
    settings: { variables: [{ name: 'greeting', value: 'from-global', enabled: true, secret: false }, { name: 'who', value: 'global', enabled: true, secret: false }], headers: [] },
  });
  await call(engine, 'workspace.saveSettings', {
    path: 'Shop',
    settings: {
      variables: [{ name: 'who', value: 'collection', enabled: true, secret: false }, { name: 'team', value: 'core', enabled: true, secret: false }],
      headers: [
        { name: 'X-Team', value: '{{team}}', enabled: true },
        { name: 'X-Collection', value: 'yes', enabled: true },
      ],
      auth: { type: 'bearer', token: '{{token}}' },
    },
  });
  await call(engine, 'workspace.saveSettings', {
    path: 'Shop/Orders',
    settings: { variables: [{ name: 'team', value: 'orders', enabled: true, secret: false }], headers: [{ name: 'X-Team', value: 'folder-{{team}}', enabled: true }] },
  });
  await call(engine, 'environments.save', {
    collection: 'Shop',
    environment: {
      name: 'local',
      variables: [
        { name: 'baseUrl', value: baseUrl, enabled: true, secret: false },
        { name: 'who', value: 'environment', enabled: true, secret: false },
        { name: 'token', value: 'CANARY-token-4f1c', enabled: true, secret: true },
      ],
    },
  });
  await call(engine, 'environments.select', { collection: 'Shop', name: 'local' });
  await call(engine, 'workspace.saveRequest', {
    parent: 'Shop/Orders',
    name: 'Echo',
    request: { kind: 'http', spec: httpSpec('{{baseUrl}}/echo?who={{who}}&g={{greeting}}', { auth: { type: 'inherit' }, headers: [{ name: 'X-Own', value: '{{who}}', enabled: true }] }) },
  });
}

async function sendAndEcho(engine: TestEngine, fixture: { requests: EchoedRequest[] }, payload: Record<string, unknown>): Promise<EchoedRequest> {
  const before = fixture.requests.length;
  await call(engine, 'http.send', { runId: `run-${Math.random()}`, ...payload });
  return fixture.requests[before]!;
}

describe('variables and inheritance on send', () => {
  it('resolves each scope with the right precedence, and inherits headers and auth collection → folder → request', async () => {
    const engine = await startTestEngine();
    const fixture = await startFixture();
    await shopWorkspace(engine, fixture.url);
    const saved = (await call(engine, 'workspace.readRequest', { path: 'Shop/Orders/Echo.yaml' })) as { request: { spec: unknown } };

    const seen = await sendAndEcho(engine, fixture, { request: saved.request.spec, context: { requestPath: 'Shop/Orders/Echo.yaml' } });

    // global < collection < environment; the folder's "team" beats the collection's.
    expect(seen.path).toBe('/echo?who=environment&g=from-global');
    expect(seen.headers['x-own']).toBe('environment');
    expect(seen.headers['x-team']).toBe('folder-orders');
    expect(seen.headers['x-collection']).toBe('yes');
    // auth: inherit takes the collection's bearer, with the secret token from the environment.
    expect(seen.headers.authorization).toBe('Bearer CANARY-token-4f1c');
  });

  it('a WebSocket request saved in a folder resolves and inherits the same way on ws.connect', async () => {
    const engine = await startTestEngine();
    const fixture = await startFixture();
    const server = await startWsServer();
    await shopWorkspace(engine, fixture.url);
    const spec = wsSpec(`${server.url}/echo?who={{who}}`, { auth: { type: 'inherit' }, headers: [{ name: 'X-Own', value: '{{who}}', enabled: true }] });
    await call(engine, 'workspace.saveRequest', { parent: 'Shop/Orders', name: 'Live', request: { kind: 'websocket', spec } });

    const handshake = (await call(engine, 'ws.connect', { connectionId: 'live', request: spec, context: { requestPath: 'Shop/Orders/Live.yaml' } })) as WsHandshake;

    const seen = server.connections[0]!.headers;
    expect(handshake.url).toBe(`${server.url}/echo?who=environment`);
    expect(seen['x-own']).toBe('environment');
    expect(seen['x-team']).toBe('folder-orders');
    expect(seen['x-collection']).toBe('yes');
    expect(seen.authorization).toBe('Bearer CANARY-token-4f1c');
  });

  it('the context can pick another environment, and runtime values win over every scope', async () => {
    const engine = await startTestEngine();
    const fixture = await startFixture();
    await shopWorkspace(engine, fixture.url);
    await call(engine, 'environments.save', {
      collection: 'Shop',
      environment: { name: 'other', variables: [{ name: 'baseUrl', value: fixture.url, enabled: true, secret: false }, { name: 'who', value: 'other-env', enabled: true, secret: false }] },
    });
    const spec = httpSpec('{{baseUrl}}/echo?who={{who}}', { auth: { type: 'inherit' } });

    const other = await sendAndEcho(engine, fixture, { request: spec, context: { requestPath: 'Shop/Orders/Echo.yaml', environment: 'other' } });
    const runtime = await sendAndEcho(engine, fixture, { request: spec, context: { requestPath: 'Shop/Orders/Echo.yaml', runtime: [{ name: 'who', value: 'runtime' }] } });

    expect(other.path).toBe('/echo?who=other-env');
    // "other" has no token: the bearer token stays as written, unresolved.
    expect(other.headers.authorization).toBe('Bearer {{token}}');
    expect(runtime.path).toBe('/echo?who=runtime');
  });

  it('sends template-looking code literally and never evaluates it; dynamic variables are fresh per send', async () => {
    const engine = await startTestEngine();
    const fixture = await startFixture();
    const injection = "{{constructor.constructor('return process')()}}";

    const seen = await sendAndEcho(engine, fixture, {
      request: httpSpec(`${fixture.url}/echo`, {
        method: 'POST',
        headers: [
          { name: 'X-Injection', value: injection, enabled: true },
          { name: 'X-Proto', value: '{{__proto__}}|{{constructor}}|{{toString}}', enabled: true },
          { name: 'X-Id', value: '{{$uuid}}', enabled: true },
          { name: 'X-Time', value: '{{$timestamp}}', enabled: true },
        ],
        body: { mode: 'text', text: `${injection} {{$randomInt}}` },
      }),
    });

    expect(seen.headers['x-injection']).toBe(injection);
    expect(seen.headers['x-proto']).toBe('{{__proto__}}|{{constructor}}|{{toString}}');
    expect(seen.headers['x-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Math.abs(Number(seen.headers['x-time']) - Date.now() / 1000)).toBeLessThan(60);
    expect(seen.body).toMatch(/^\{\{constructor\.constructor\('return process'\)\(\)\}\} \d{1,4}$/);
  });

  it('keeps a secret value out of every workspace file and out of what the UI can read', async () => {
    const engine = await startTestEngine();
    const fixture = await startFixture();
    await shopWorkspace(engine, fixture.url);
    // A send that uses the secret (the /json route does not echo it back).
    await call(engine, 'http.send', { runId: 'with-secret', request: httpSpec('{{baseUrl}}/json', { auth: { type: 'inherit' } }), context: { requestPath: 'Shop/Orders/Echo.yaml' } });

    const root = join(engine.dataDir, 'workspaces', 'default');
    const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) expect(await readFile(join(file.parentPath, file.name), 'utf8')).not.toContain('CANARY-token-4f1c');

    const environments = (await call(engine, 'environments.list', { collection: 'Shop' })) as { variables: { name: string; value: string; hasValue: boolean }[] }[];
    expect(environments[0]!.variables.find((variable) => variable.name === 'token')).toEqual({ name: 'token', value: '', enabled: true, secret: true, hasValue: true });
    const visible = (await call(engine, 'variables.list', { context: { requestPath: 'Shop/Orders/Echo.yaml' } })) as { name: string; value: string; scope: string }[];
    // Which environment and which folder, for the hover ("Folder · Orders").
    expect(visible.find((variable) => variable.name === 'token')).toMatchObject({ name: 'token', value: '', scope: 'environment', secret: true, source: 'local' });
    expect(visible.find((variable) => variable.name === 'team')).toEqual({ name: 'team', value: 'orders', scope: 'folder', secret: false, source: 'Orders' });

    const secrets = join(engine.dataDir, 'secrets.json');
    expect(await readFile(secrets, 'utf8')).toContain('CANARY-token-4f1c');
    expect((await stat(secrets)).mode & 0o777).toBe(0o600);
  });

  it('a secret keeps its stored value when edited without one, follows a renamed environment, and goes with a deleted one', async () => {
    const engine = await startTestEngine();
    const fixture = await startFixture();
    await shopWorkspace(engine, fixture.url);
    const secretFile = join(engine.dataDir, 'secrets.json');

    await call(engine, 'environments.save', {
      collection: 'Shop',
      previousName: 'local',
      environment: { name: 'dev', variables: [{ name: 'baseUrl', value: fixture.url, enabled: true, secret: false }, { name: 'token', enabled: true, secret: true }] },
    });
    const seen = await sendAndEcho(engine, fixture, { request: httpSpec('{{baseUrl}}/echo', { auth: { type: 'inherit' } }), context: { requestPath: 'Shop/Orders/Echo.yaml' } });
    expect(seen.headers.authorization).toBe('Bearer CANARY-token-4f1c');
    expect(await call(engine, 'environments.selected', {})).toEqual({ Shop: 'dev' });

    await call(engine, 'environments.delete', { collection: 'Shop', name: 'dev' });
    expect(await readFile(secretFile, 'utf8')).not.toContain('CANARY-token-4f1c');
    expect(await call(engine, 'environments.selected', {})).toEqual({});
  });

  it('a request’s own variables win over the environment as the request carries them, saved or not', async () => {
    const engine = await startTestEngine();
    const fixture = await startFixture();
    await shopWorkspace(engine, fixture.url);
    const context = { requestPath: 'Shop/Orders/Echo.yaml' };
    const spec = httpSpec('{{baseUrl}}/echo?who={{who}}', {
      auth: { type: 'inherit' },
      variables: [
        { name: 'who', value: 'request', enabled: true },
        { name: 'team', value: 'disabled-here', enabled: false },
      ],
    });
    await call(engine, 'workspace.saveRequest', { path: 'Shop/Orders/Echo.yaml', request: { kind: 'http', spec } });

    const saved = await sendAndEcho(engine, fixture, { request: spec, context });
    // A draft that dropped the variable sends without it, before any save.
    const edited = await sendAndEcho(engine, fixture, { request: { ...spec, variables: undefined }, context });

    expect(saved.path).toBe('/echo?who=request');
    expect(edited.path).toBe('/echo?who=environment');
    const listed = (await call(engine, 'variables.list', { context })) as { name: string; value: string; scope: string }[];
    expect(listed.find((variable) => variable.name === 'who')).toEqual({ name: 'who', value: 'request', scope: 'request', secret: false });
    const asEdited = (await call(engine, 'variables.list', { context, requestVariables: [{ name: 'who', value: 'typed', enabled: true }] })) as typeof listed;
    expect(asEdited.find((variable) => variable.name === 'who')).toEqual({ name: 'who', value: 'typed', scope: 'request', secret: false });
  });

  it('tells the editor what a request inherits, layer by layer, without credentials or a certificate passphrase', async () => {
    const engine = await startTestEngine();
    const fixture = await startFixture();
    await shopWorkspace(engine, fixture.url);
    await call(engine, 'workspace.saveSettings', {
      path: 'Shop/Orders',
      settings: { variables: [], headers: [{ name: 'X-Team', value: 'folder-{{team}}', enabled: true }], auth: { type: 'basic', username: 'u', password: 'CANARY-pass' }, settings: { timeoutMs: 9000, clientCert: { passphrase: 'CANARY-phrase' } } },
    });

    const layers = await call(engine, 'workspace.readInherited', { path: 'Shop/Orders/Echo.yaml' });

    expect(layers).toEqual([
      {
        kind: 'collection',
        path: 'Shop',
        name: 'Shop',
        headers: [
          { name: 'X-Team', value: '{{team}}', enabled: true },
          { name: 'X-Collection', value: 'yes', enabled: true },
        ],
        auth: { type: 'bearer' },
      },
      { kind: 'folder', path: 'Shop/Orders', name: 'Orders', headers: [{ name: 'X-Team', value: 'folder-{{team}}', enabled: true }], auth: { type: 'basic' }, settings: { timeoutMs: 9000 } },
    ]);
    expect(JSON.stringify(layers)).not.toContain('CANARY');
    expect(await call(engine, 'workspace.readInherited', { path: 'Shop' })).toHaveLength(1);
    const outside = await engine.router.invoke('workspace.readInherited', { path: '../Shop' });
    expect(outside.ok || outside.error.code).toBe('VALIDATION');
  });

  it('a hand-edited environment file with a value beside secret: true never sends that value', async () => {
    const engine = await startTestEngine();
    const fixture = await startFixture();
    await shopWorkspace(engine, fixture.url);
    await writeFile(
      join(engine.dataDir, 'workspaces', 'default', 'Shop', 'environments', 'planted.yaml'),
      `kind: environment\nformatVersion: 1\nvariables:\n  - name: baseUrl\n    value: ${fixture.url}\n  - name: token\n    secret: true\n    value: planted-in-file\n`,
    );

    const seen = await sendAndEcho(engine, fixture, { request: httpSpec('{{baseUrl}}/echo', { auth: { type: 'inherit' } }), context: { requestPath: 'Shop/Orders/Echo.yaml', environment: 'planted' } });

    expect(seen.headers.authorization).toBe('Bearer {{token}}');
  });
});
