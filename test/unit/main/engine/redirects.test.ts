import { describe, expect, it } from 'vitest';
import { planRedirect } from '../../../../main/engine/http/redirect/redirect-policy.ts';
import { httpSpec, startTestEngine } from '../../helpers/engine.ts';
import { failureOf } from '../../helpers/failure.ts';
import { jsonOf, transportFixture, valuesOf } from '../../helpers/transport-servers.ts';

describe('redirects, followed by the engine hop by hop', () => {
  it('a 3-hop chain is 3 timeline entries, each with its own request line, status and timings', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('chain', httpSpec(`${fixture.url}/redirect/3`));

    expect(meta.status).toBe(200);
    expect(meta.url).toBe(`${fixture.url}/redirect/1`);
    expect(meta.exchanges!.map((exchange) => [exchange.requestLine, exchange.status])).toEqual([
      ['GET /redirect/3 HTTP/1.1', 302],
      ['GET /redirect/2 HTTP/1.1', 302],
      ['GET /redirect/1 HTTP/1.1', 200],
    ]);
    for (const exchange of meta.exchanges!) {
      expect(exchange.timings.totalMs).toBeGreaterThan(0);
      expect(exchange.timings.firstByteMs).toBeGreaterThan(0);
      expect(exchange.timings.firstByteMs).toBeLessThanOrEqual(exchange.timings.totalMs);
      expect(valuesOf(exchange.responseHeaders, 'content-type').length).toBe(1);
    }
    // The first hop opened the connection; the others reused it.
    expect(meta.exchanges!.map((exchange) => exchange.connection?.reused)).toEqual([false, true, true]);
    expect(await jsonOf(engine, meta.bodyId)).toMatchObject({ arrived: true });
  });

  it('followRedirects off returns the 3xx itself', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('no-follow', httpSpec(`${fixture.url}/redirect/3`, { settings: { followRedirects: false } }));

    expect(meta.status).toBe(302);
    expect(valuesOf(meta.headers, 'location')).toEqual(['/redirect/2']);
    expect(meta.exchanges).toHaveLength(1);
  });

  it('past the maximum: TOO_MANY_REDIRECTS with the chain listed', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const failure = await failureOf(engine.http.send('too-many', httpSpec(`${fixture.url}/redirect/5`, { settings: { maxRedirects: 2 } })));

    expect(failure.code).toBe('TOO_MANY_REDIRECTS');
    expect(failure.detail).toMatchObject({
      maxRedirects: 2,
      loop: false,
      chain: `GET ${fixture.url}/redirect/5 → 302 → ${fixture.url}/redirect/4 → 302 → ${fixture.url}/redirect/3 → 302 → ${fixture.url}/redirect/2`,
    });
    expect(fixture.requests).toHaveLength(3);
  });

  it('a redirect loop stops at the default maximum of 10 and says it is a loop', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const failure = await failureOf(engine.http.send('loop', httpSpec(`${fixture.url}/loop/a`)));

    expect(failure.code).toBe('TOO_MANY_REDIRECTS');
    expect(failure.detail).toMatchObject({ maxRedirects: 10, loop: true, hops: 11 });
    expect(failure.message).toContain('(a redirect loop)');
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:text/plain,hi', 'ftp://127.0.0.1/'])('a redirect to %s is refused', async (target) => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const failure = await failureOf(engine.http.send('scheme', httpSpec(`${fixture.url}/redirect-with/302?to=${encodeURIComponent(target)}`)));

    expect(failure.code).toBe('UNSUPPORTED_SCHEME');
    expect(failure.detail).toMatchObject({ location: target });
  });

  it('303 turns a POST into a GET without its body or body headers', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('see-other', httpSpec(`${fixture.url}/redirect-with/303?to=/echo`, { method: 'POST', body: { mode: 'json', text: '{"a":1}' } }));

    expect(meta.method).toBe('GET');
    const followed = fixture.requests.at(-1)!;
    expect(followed.method).toBe('GET');
    expect(followed.body.length).toBe(0);
    expect(followed.headers['content-type']).toBeUndefined();
    // The timeline shows the body on the hop that sent it, and none on the GET that followed.
    expect(meta.exchanges!.map((exchange) => exchange.requestBody)).toEqual([{ size: 7, text: '{"a":1}', truncated: false }, undefined]);
  });

  it.each([307, 308])('%i repeats the method and the body', async (status) => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('keep', httpSpec(`${fixture.url}/redirect-with/${status}?to=/echo`, { method: 'PUT', body: { mode: 'text', text: 'same body' } }));

    expect(meta.method).toBe('PUT');
    expect(fixture.requests.map((request) => [request.method, request.body.toString()])).toEqual([
      ['PUT', 'same body'],
      ['PUT', 'same body'],
    ]);
    expect(meta.exchanges!.map((exchange) => exchange.requestBody?.text)).toEqual(['same body', 'same body']);
  });

  it('on a cross-origin hop Authorization, Cookie, Proxy-Authorization and auth headers are dropped, and the timeline says so', async () => {
    const first = await transportFixture();
    const second = await transportFixture();
    const { engine } = await startTestEngine();
    const headers = [
      { name: 'Authorization', value: 'Bearer secret-token', enabled: true },
      { name: 'Cookie', value: 'sid=secret', enabled: true },
      { name: 'Proxy-Authorization', value: 'Basic cHJveHk=', enabled: true },
      { name: 'X-Trace', value: 'kept', enabled: true },
    ];

    const meta = await engine.http.send('cross', httpSpec(`${first.url}/redirect-with/302?to=${encodeURIComponent(`${second.url}/echo`)}`, { headers }));

    expect(first.requests[0]!.headers).toMatchObject({ authorization: 'Bearer secret-token', cookie: 'sid=secret' });
    const arrived = second.requests[0]!;
    expect(arrived.headers.authorization).toBeUndefined();
    expect(arrived.headers.cookie).toBeUndefined();
    expect(arrived.headers['proxy-authorization']).toBeUndefined();
    expect(arrived.headers['x-trace']).toBe('kept');
    expect(meta.exchanges![1]!.droppedHeaders).toEqual(['Authorization', 'Cookie', 'Proxy-Authorization']);
    expect(meta.exchanges![0]!.droppedHeaders).toBeUndefined();
  });

  it('auth from the auth settings is not sent to another origin either', async () => {
    const first = await transportFixture();
    const second = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send(
      'cross-auth',
      httpSpec(`${first.url}/redirect-with/307?to=${encodeURIComponent(`${second.url}/echo`)}`, { auth: { type: 'apikey', key: 'X-Api-Key', value: 'k', in: 'header' } }),
    );

    expect(first.requests[0]!.headers['x-api-key']).toBe('k');
    expect(second.requests[0]!.headers['x-api-key']).toBeUndefined();
    expect(meta.exchanges![1]!.droppedHeaders).toEqual(['X-Api-Key']);
  });

  it('same-origin hops keep the user\'s Authorization', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    await engine.http.send('same', httpSpec(`${fixture.url}/redirect/2`, { headers: [{ name: 'Authorization', value: 'Bearer t', enabled: true }] }));

    expect(fixture.requests.map((request) => request.headers.authorization)).toEqual(['Bearer t', 'Bearer t']);
  });
});

describe('planRedirect', () => {
  const from = new URL('http://a.test/x/y?q=1');
  const location = (value: string): [string, string][] => [['Location', value]];

  it('resolves relative locations against the current URL', () => {
    expect(planRedirect(302, location('../z'), from, 'GET')).toMatchObject({ kind: 'follow', method: 'GET', dropBody: false });
    expect((planRedirect(302, location('../z'), from, 'GET') as { url: URL }).url.href).toBe('http://a.test/z');
  });

  it('follows the Fetch standard on methods', () => {
    expect(planRedirect(301, location('/n'), from, 'POST')).toMatchObject({ method: 'GET', dropBody: true });
    expect(planRedirect(302, location('/n'), from, 'DELETE')).toMatchObject({ method: 'DELETE', dropBody: false });
    expect(planRedirect(303, location('/n'), from, 'PUT')).toMatchObject({ method: 'GET', dropBody: true });
    expect(planRedirect(303, location('/n'), from, 'HEAD')).toMatchObject({ method: 'HEAD', dropBody: false });
    expect(planRedirect(308, location('/n'), from, 'POST')).toMatchObject({ method: 'POST', dropBody: false });
  });

  it('a 3xx without a usable Location is the final answer', () => {
    expect(planRedirect(302, [], from, 'GET')).toEqual({ kind: 'final' });
    expect(planRedirect(302, location('http://[bad'), from, 'GET')).toEqual({ kind: 'final' });
    expect(planRedirect(304, location('/n'), from, 'GET')).toEqual({ kind: 'final' });
  });
});
