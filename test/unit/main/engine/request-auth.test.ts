import { describe, expect, it } from 'vitest';
import { BASIC_ACCOUNT, DIGEST_ACCOUNT } from '../../../fixtures/servers/transport-fixture.ts';
import { httpSpec, startTestEngine } from '../../helpers/engine.ts';
import { failureOf } from '../../helpers/failure.ts';
import { jsonOf, transportFixture, valuesOf } from '../../helpers/transport-servers.ts';

describe('auth applied by the engine', () => {
  it('Basic: the server accepts it, and the exact header is in the timeline', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('basic', httpSpec(`${fixture.url}/basic`, { auth: { type: 'basic', ...BASIC_ACCOUNT } }));

    expect(meta.status).toBe(200);
    const expected = `Basic ${Buffer.from('shuttle:basic-secret').toString('base64')}`;
    expect(valuesOf(meta.requestHeaders, 'authorization')).toEqual([expected]);
    expect(meta.exchanges).toHaveLength(1);
  });

  it('Basic encodes non-ASCII credentials as UTF-8', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    await engine.http.send('utf8', httpSpec(`${fixture.url}/echo`, { auth: { type: 'basic', username: 'zoë', password: '密码' } }));

    const sent = valuesOf(fixture.requests.at(-1)!.rawHeaders, 'authorization')[0]!;
    expect(Buffer.from(sent.slice('Basic '.length), 'base64').toString('utf8')).toBe('zoë:密码');
  });

  it('Bearer uses the "Bearer" prefix by default, a custom one when set, or none', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    await engine.http.send('b1', httpSpec(`${fixture.url}/echo`, { auth: { type: 'bearer', token: 'tok-1' } }));
    await engine.http.send('b2', httpSpec(`${fixture.url}/echo`, { auth: { type: 'bearer', token: 'tok-2', prefix: 'Token' } }));
    await engine.http.send('b3', httpSpec(`${fixture.url}/echo`, { auth: { type: 'bearer', token: 'tok-3', prefix: '' } }));

    expect(fixture.requests.map((request) => request.headers.authorization)).toEqual(['Bearer tok-1', 'Token tok-2', 'tok-3']);
  });

  it('a bearer token with a line break is refused before anything is sent', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const failure = await failureOf(engine.http.send('b-bad', httpSpec(`${fixture.url}/echo`, { auth: { type: 'bearer', token: 'a\r\nX-Evil: 1' } })));

    expect(failure.code).toBe('INVALID_HEADER');
    expect(fixture.connections).toBe(0);
  });

  it('API key in a header, or appended to the query without touching the rest of it', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    await engine.http.send('k1', httpSpec(`${fixture.url}/echo`, { auth: { type: 'apikey', key: 'X-Api-Key', value: 'k-123', in: 'header' } }));
    const meta = await engine.http.send('k2', httpSpec(`${fixture.url}/echo?a=%7Bx%7D&b`, { auth: { type: 'apikey', key: 'api key', value: 'v&1', in: 'query' } }));

    expect(fixture.requests[0]!.headers['x-api-key']).toBe('k-123');
    expect(fixture.requests[1]!.path).toBe('/echo?a=%7Bx%7D&b&api%20key=v%261');
    expect(meta.url).toBe(`${fixture.url}/echo?a=%7Bx%7D&b&api%20key=v%261`);
  });

  it('the user\'s own Authorization header wins over the auth settings', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    await engine.http.send('own', httpSpec(`${fixture.url}/echo`, { headers: [{ name: 'authorization', value: 'Custom abc', enabled: true }], auth: { type: 'bearer', token: 'ignored' } }));

    expect(valuesOf(fixture.requests[0]!.rawHeaders, 'authorization')).toEqual(['Custom abc']);
  });

  it('credentials typed into the URL are sent as Basic and kept out of the URL the response reports', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    const withCredentials = fixture.url.replace('http://', 'http://shuttle:basic%2Dsecret@') + '/basic';

    const meta = await engine.http.send('url-creds', httpSpec(withCredentials));

    expect(meta.status).toBe(200);
    expect(meta.url).toBe(`${fixture.url}/basic`);
    expect(JSON.stringify(meta.exchanges)).not.toContain('basic-secret');
  });

  it.each(['SHA-256', 'MD5'])('Digest (%s): a 401 challenge, one retry with the answer, two timeline entries', async (algorithm) => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('digest', httpSpec(`${fixture.url}/digest?algorithm=${algorithm}`, { auth: { type: 'digest', ...DIGEST_ACCOUNT } }));

    expect(meta.status).toBe(200);
    expect(await jsonOf(engine, meta.bodyId)).toEqual({ authenticated: 'digest' });
    expect(meta.exchanges!.map((exchange) => exchange.status)).toEqual([401, 200]);
    expect(valuesOf(meta.exchanges![0]!.requestHeaders, 'authorization')).toEqual([]);
    const answer = valuesOf(meta.exchanges![1]!.requestHeaders, 'authorization')[0]!;
    expect(answer).toMatch(new RegExp(`^Digest username="shuttle", realm="${DIGEST_ACCOUNT.realm}", .*algorithm=${algorithm}, `));
    expect(answer).toContain(`uri="/digest?algorithm=${algorithm}"`);
  });

  it('Digest picks SHA-256 when the server offers both', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('digest-both', httpSpec(`${fixture.url}/digest`, { auth: { type: 'digest', ...DIGEST_ACCOUNT } }));

    expect(meta.status).toBe(200);
    expect(valuesOf(meta.requestHeaders, 'authorization')[0]).toContain('algorithm=SHA-256');
  });

  it('Digest with a wrong password retries once and returns the second 401 (no loop)', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('digest-wrong', httpSpec(`${fixture.url}/digest`, { auth: { type: 'digest', username: 'shuttle', password: 'wrong' } }));

    expect(meta.status).toBe(401);
    expect(meta.exchanges).toHaveLength(2);
    expect(fixture.requests).toHaveLength(2);
  });

  it('Digest answers a POST with its body sent again on the retry', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send(
      'digest-post',
      httpSpec(`${fixture.url}/digest`, { method: 'POST', body: { mode: 'json', text: '{"n":1}' }, auth: { type: 'digest', ...DIGEST_ACCOUNT } }),
    );

    expect(meta.status).toBe(200);
    expect(fixture.requests.map((request) => request.body.toString())).toEqual(['{"n":1}', '{"n":1}']);
  });

  it('AWS Signature v4 adds X-Amz-Date and an Authorization that signs what was sent', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    await engine.http.send(
      'aws',
      httpSpec(`${fixture.url}/echo?b=2&a=1`, {
        method: 'POST',
        body: { mode: 'json', text: '{"hello":"aws"}' },
        auth: { type: 'awsv4', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'session-token', region: 'eu-west-1', service: 'execute-api' },
      }),
    );

    const seen = fixture.requests.at(-1)!;
    expect(seen.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(seen.headers['x-amz-security-token']).toBe('session-token');
    expect(seen.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
    );
  });
});
