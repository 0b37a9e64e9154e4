import { describe, expect, it, onTestFinished } from 'vitest';
import { matchesNoProxy, proxyForUrl, readProxyEnvironment } from '../../../../main/engine/http/transport/proxy-for-url.ts';
import { httpSpec, startTestEngine } from '../../helpers/engine.ts';
import { failureOf } from '../../helpers/failure.ts';
import { jsonOf, proxyFixture, tlsFixture, transportFixture } from '../../helpers/transport-servers.ts';

describe('proxies', () => {
  it('an http:// request goes through the request\'s proxy, with the proxy\'s credentials', async () => {
    const fixture = await transportFixture();
    const proxy = await proxyFixture({ credentials: 'proxy-user:proxy-pass' });
    const { engine } = await startTestEngine();
    const proxyUrl = proxy.url.replace('http://', 'http://proxy-user:proxy-pass@');

    const meta = await engine.http.send('via-proxy', httpSpec(`${fixture.url}/json`, { settings: { proxyUrl } }));

    expect(meta.status).toBe(200);
    expect(meta.headers).toContainEqual(['via', '1.1 shuttle-test-proxy']);
    expect(proxy.seen).toEqual([{ method: 'GET', target: `${fixture.url}/json`, proxyAuthorization: `Basic ${Buffer.from('proxy-user:proxy-pass').toString('base64')}` }]);
    // The proxy's credentials are for the proxy: the server never sees them.
    expect(fixture.requests[0]!.headers['proxy-authorization']).toBeUndefined();
  });

  it('without the proxy\'s credentials: AUTH, saying the proxy wants them', async () => {
    const fixture = await transportFixture();
    const proxy = await proxyFixture({ credentials: 'proxy-user:proxy-pass' });
    const { engine } = await startTestEngine();

    const forwarded = await failureOf(engine.http.send('no-creds', httpSpec(`${fixture.url}/json`, { settings: { proxyUrl: proxy.url } })));
    const tunnelled = await failureOf(engine.http.send('no-creds-tls', httpSpec('https://api.shuttle.test/', { settings: { proxyUrl: proxy.url } })));

    for (const failure of [forwarded, tunnelled]) {
      expect(failure.code).toBe('AUTH');
      expect(failure.detail).toMatchObject({ reason: 'the proxy needs credentials (407 Proxy Authentication Required)' });
    }
    expect(fixture.requests).toEqual([]);
  });

  it('an https:// request is tunnelled with CONNECT; TLS settings apply to the server behind it', async () => {
    const server = await tlsFixture('self-signed');
    const proxy = await proxyFixture({ upstream: `127.0.0.1:${server.port}` });
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('tunnel', httpSpec('https://api.shuttle.test/', { settings: { proxyUrl: proxy.url, verifyTls: false } }));
    const refused = await failureOf(engine.http.send('tunnel-verify', httpSpec('https://api.shuttle.test/', { settings: { proxyUrl: proxy.url } })));

    expect(await jsonOf(engine, meta.bodyId)).toEqual({ authorized: false, clientSubject: null });
    expect(proxy.seen[0]).toEqual({ method: 'CONNECT', target: 'api.shuttle.test:443' });
    expect(refused.code).toBe('TLS');
  });

  it('a host on the no-proxy list goes direct', async () => {
    const fixture = await transportFixture();
    const proxy = await proxyFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('bypass', httpSpec(`${fixture.url}/json`, { settings: { proxyUrl: proxy.url, noProxy: 'example.com, 127.0.0.1' } }));

    expect(meta.status).toBe(200);
    expect(proxy.seen).toEqual([]);
  });

  it('HTTP_PROXY from the environment is used (but not for loopback hosts)', async () => {
    const fixture = await transportFixture();
    const proxy = await proxyFixture({ upstream: `127.0.0.1:${fixture.port}` });
    const saved = { ...process.env };
    process.env.HTTP_PROXY = proxy.url;
    onTestFinished(() => {
      process.env = saved;
    });
    const { engine } = await startTestEngine();

    const viaEnv = await engine.http.send('env', httpSpec('http://api.shuttle.test/json'));
    const local = await engine.http.send('local', httpSpec(`${fixture.url}/json`));

    expect(viaEnv.status).toBe(200);
    expect(local.status).toBe(200);
    expect(proxy.seen.map((seen) => seen.target)).toEqual(['http://api.shuttle.test/json']);
  });
});

describe('proxyForUrl', () => {
  const url = (text: string) => new URL(text);

  it('prefers the request\'s proxy, then the scheme\'s environment variable', () => {
    const env = { httpProxy: 'http://env-http:3128', httpsProxy: 'http://env-https:3128' };
    expect(proxyForUrl(url('http://api.test/'), { proxyUrl: 'http://own:8080' }, env)).toBe('http://own:8080');
    expect(proxyForUrl(url('http://api.test/'), undefined, env)).toBe('http://env-http:3128');
    expect(proxyForUrl(url('https://api.test/'), undefined, env)).toBe('http://env-https:3128');
    expect(proxyForUrl(url('https://api.test/'), undefined, { httpProxy: 'proxy:3128' })).toBe('http://proxy:3128');
    expect(proxyForUrl(url('https://api.test/'), undefined, {})).toBeUndefined();
  });

  it('environment proxies skip loopback hosts; a request\'s own proxy does not', () => {
    const env = { httpProxy: 'http://env:3128' };
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', 'app.localhost']) {
      expect(proxyForUrl(url(`http://${host}:8080/`), undefined, env)).toBeUndefined();
    }
    expect(proxyForUrl(url('http://127.0.0.1/'), { proxyUrl: 'http://own:1' }, env)).toBe('http://own:1');
  });

  it('NO_PROXY and the request\'s list both apply, with curl\'s matching rules', () => {
    expect(matchesNoProxy('api.example.com', 443, 'example.com')).toBe(true);
    expect(matchesNoProxy('example.com', 443, '.example.com')).toBe(true);
    expect(matchesNoProxy('notexample.com', 443, 'example.com')).toBe(false);
    expect(matchesNoProxy('api.example.com', 443, 'example.com:8443')).toBe(false);
    expect(matchesNoProxy('api.example.com', 8443, 'example.com:8443')).toBe(true);
    expect(matchesNoProxy('anything', 80, '*')).toBe(true);
    expect(matchesNoProxy('::1', 80, '[::1]')).toBe(true);
    expect(proxyForUrl(url('http://a.internal/'), { proxyUrl: 'http://own:1', noProxy: 'x.test' }, { noProxy: '.internal' })).toBeUndefined();
  });

  it('reads the lower-case variables first, as curl does', () => {
    expect(readProxyEnvironment({ http_proxy: 'http://lower:1', HTTP_PROXY: 'http://upper:1', NO_PROXY: 'a.test' })).toEqual({
      httpProxy: 'http://lower:1',
      noProxy: 'a.test',
    });
  });
});
