import { describe, expect, it } from 'vitest';
import type { HttpRequestSpec } from '../../../../shared/model/request.ts';
import { emptyWsRequest } from '../../../../shared/model/websocket.ts';
import { applyInheritance, applyWsInheritance } from '../../../../shared/vars/inheritance.ts';
import { resolveHttpRequest, resolveWsRequest } from '../../../../shared/vars/resolve-request.ts';
import { mergeVariableLayers } from '../../../../shared/vars/variable-scopes.ts';

const vars = mergeVariableLayers([
  {
    scope: 'environment',
    variables: [
      { name: 'host', value: 'api.test' },
      { name: 'v', value: 'V' },
      { name: 'token', value: 'T', secret: true },
    ],
  },
]);

describe('resolving a request', () => {
  it('resolves URL, path params, headers, every body kind, auth and settings; disabled rows and enums stay', () => {
    const spec: HttpRequestSpec = {
      method: 'POST',
      url: 'https://{{host}}/items/:id?q={{v}}',
      pathParams: [{ name: 'id', value: '{{v}}' }],
      headers: [
        { name: 'X-{{v}}', value: '{{v}}', enabled: true },
        { name: 'X-Off', value: '{{v}}', enabled: false },
      ],
      body: {
        mode: 'multipart',
        text: '{"a":"{{v}}"}',
        form: [{ name: 'f', value: '{{v}}', enabled: true }],
        multipart: [{ name: 'p{{v}}', value: '{{v}}', enabled: true, kind: 'text' }],
        graphql: { query: 'query { a(x: "{{v}}") }', variables: '{"x":"{{v}}"}' },
      },
      auth: { type: 'apikey', key: 'X-{{v}}', value: '{{token}}', in: 'header' },
      settings: { proxyUrl: 'http://{{host}}:1', noProxy: '{{host}}', clientCert: { passphrase: '{{token}}' } },
    };

    const { spec: resolved, unresolved, usedSecret } = resolveHttpRequest(spec, { variables: vars });

    expect(resolved).toEqual({
      method: 'POST',
      url: 'https://api.test/items/:id?q=V',
      pathParams: [{ name: 'id', value: 'V' }],
      headers: [
        { name: 'X-V', value: 'V', enabled: true },
        { name: 'X-Off', value: '{{v}}', enabled: false },
      ],
      body: {
        mode: 'multipart',
        text: '{"a":"V"}',
        form: [{ name: 'f', value: 'V', enabled: true }],
        multipart: [{ name: 'pV', value: 'V', enabled: true, kind: 'text' }],
        graphql: { query: 'query { a(x: "V") }', variables: '{"x":"V"}' },
      },
      auth: { type: 'apikey', key: 'X-V', value: 'T', in: 'header' },
      settings: { proxyUrl: 'http://api.test:1', noProxy: 'api.test', clientCert: { passphrase: 'T' } },
    });
    expect(unresolved).toEqual([]);
    expect(usedSecret).toBe(true);
  });

  it('resolves a WebSocket connection: URL, params, headers and subprotocols', () => {
    const resolved = resolveWsRequest(
      { ...emptyWsRequest(), url: 'ws://{{host}}/{{nope}}', params: [{ name: 'a', value: '{{v}}', enabled: true }], headers: [{ name: 'H', value: '{{v}}', enabled: true }], subprotocols: ['{{v}}.proto'] },
      { variables: vars },
    );
    expect(resolved.spec).toMatchObject({ url: 'ws://api.test/{{nope}}', params: [{ name: 'a', value: 'V', enabled: true }], headers: [{ name: 'H', value: 'V', enabled: true }], subprotocols: ['V.proto'] });
    expect(resolved.unresolved).toEqual(['nope']);
  });

  it('resolves a WebSocket connection’s auth fields and certificate passphrase, not its enums', () => {
    const resolved = resolveWsRequest(
      {
        ...emptyWsRequest(),
        url: 'wss://{{host}}/',
        auth: { type: 'apikey', key: 'X-{{v}}', value: '{{token}}', in: 'query' },
        clientCert: { pfx: { kind: 'path', path: '/c.p12' }, passphrase: '{{token}}' },
      },
      { variables: vars },
    );
    expect(resolved.spec.auth).toEqual({ type: 'apikey', key: 'X-V', value: 'T', in: 'query' });
    expect(resolved.spec.clientCert).toEqual({ pfx: { kind: 'path', path: '/c.p12' }, passphrase: 'T' });
    expect(resolved.usedSecret).toBe(true);
  });
});

describe('inheritance collection → folder → request', () => {
  const request: HttpRequestSpec = { method: 'GET', url: '/', headers: [{ name: 'x-own', value: 'request', enabled: true }], body: { mode: 'none', text: '' }, auth: { type: 'inherit' } };

  it('adds inherited headers unless a deeper layer sets the same name; the nearest auth and settings win', () => {
    const applied = applyInheritance(request, [
      {
        headers: [
          { name: 'X-Team', value: 'collection', enabled: true },
          { name: 'X-Own', value: 'collection', enabled: true },
          { name: 'X-Off', value: 'x', enabled: false },
        ],
        auth: { type: 'basic', username: 'u', password: 'p' },
        settings: { timeoutMs: 1000, followRedirects: false },
      },
      { headers: [{ name: 'x-team', value: 'folder', enabled: true }], auth: { type: 'inherit' }, settings: { timeoutMs: 2000 } },
    ]);

    expect(applied.headers).toEqual([
      { name: 'x-team', value: 'folder', enabled: true },
      { name: 'x-own', value: 'request', enabled: true },
    ]);
    expect(applied.auth).toEqual({ type: 'basic', username: 'u', password: 'p' });
    expect(applied.settings).toEqual({ timeoutMs: 2000, followRedirects: false });
  });

  it('a WebSocket connection inherits headers, auth and the certificates it does not name itself', () => {
    const ca = { kind: 'path' as const, path: '/ca.pem' };
    const own = { pfx: { kind: 'path' as const, path: '/own.p12' } };
    const layers = [
      { headers: [{ name: 'X-Team', value: 'collection', enabled: true }], auth: { type: 'bearer' as const, token: 't' }, settings: { caCert: ca, clientCert: { pfx: { kind: 'path' as const, path: '/team.p12' } }, timeoutMs: 5 } },
      { headers: [{ name: 'x-team', value: 'folder', enabled: true }], auth: { type: 'inherit' as const } },
    ];

    const applied = applyWsInheritance({ ...emptyWsRequest(), headers: [{ name: 'X-Own', value: '1', enabled: true }], auth: { type: 'inherit' }, clientCert: own }, layers);

    expect(applied.headers).toEqual([
      { name: 'x-team', value: 'folder', enabled: true },
      { name: 'X-Own', value: '1', enabled: true },
    ]);
    expect(applied.auth).toEqual({ type: 'bearer', token: 't' });
    expect(applied.clientCert).toEqual(own);
    expect(applied.caCert).toEqual(ca);
    expect(applyWsInheritance({ ...emptyWsRequest(), auth: { type: 'inherit' } }, []).auth).toEqual({ type: 'none' });
  });

  it('inherit with nothing to inherit means no auth; a request’s own auth is kept', () => {
    expect(applyInheritance(request, []).auth).toEqual({ type: 'none' });
    expect(applyInheritance(request, [{ auth: { type: 'inherit' } }]).auth).toEqual({ type: 'none' });
    expect(applyInheritance({ ...request, auth: { type: 'bearer', token: 'own' } }, [{ auth: { type: 'basic', username: 'u', password: 'p' } }]).auth).toEqual({
      type: 'bearer',
      token: 'own',
    });
  });
});
