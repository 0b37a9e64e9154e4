import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '../../../../../main/store/history/redact.ts';
import { insertSends, openTestStore, RECORD_OPTIONS, sampleSend } from '../../../helpers/history.ts';
import { tempDir } from '../../../helpers/temp-dir.ts';

const CANARY = 'CANARY-5b1f0e9c-secret-token';
const COOKIE_CANARY = 'CANARY-cookie-77aa41';
const PASSWORD_CANARY = 'CANARY-pw-3141';
const CUSTOM_CANARY = 'CANARY-custom-header-0042';

/** Every file of the history database (main file, WAL, shared memory), as raw bytes. */
async function databaseBytes(dir: string): Promise<Buffer> {
  const files = (await readdir(dir)).filter((name) => name.startsWith('history.db'));
  return Buffer.concat(await Promise.all(files.map((name) => readFile(join(dir, name)))));
}

describe('history never stores secrets', () => {
  it('canary values in Authorization, Cookie, Set-Cookie, a URL password, auth fields and a marked header never reach the database files', async () => {
    const dir = await tempDir();
    const store = await openTestStore({ dataDir: dir });
    // The server echoes the secrets back in its body, as httpbin-style endpoints do.
    const echoed = JSON.stringify({ authorization: `Bearer ${CANARY}`, cookie: `session=${COOKIE_CANARY}`, custom: CUSTOM_CANARY, pad: 'x'.repeat(3000) });
    const send = sampleSend({
      url: `http://ada:${PASSWORD_CANARY}@127.0.0.1:3000/echo?token-in-query=${CANARY}`,
      body: echoed,
      requestHeaders: [
        ['Authorization', `Bearer ${CANARY}`],
        ['Cookie', `session=${COOKIE_CANARY}; theme=dark`],
        ['X-Custom-Secret', CUSTOM_CANARY],
      ],
      responseHeaders: [
        ['Content-Type', 'application/json'],
        ['Set-Cookie', `session=${COOKIE_CANARY}; Path=/; HttpOnly`],
      ],
      spec: {
        headers: [
          { name: 'Authorization', value: `Bearer ${CANARY}`, enabled: true },
          { name: 'Cookie', value: `session=${COOKIE_CANARY}; theme=dark`, enabled: true },
          { name: 'X-Custom-Secret', value: CUSTOM_CANARY, enabled: false },
        ],
        auth: { type: 'basic', username: 'ada', password: PASSWORD_CANARY },
      },
    });

    const [id] = await insertSends(store, [send], { ...RECORD_OPTIONS, secretHeaders: ['X-Custom-Secret'] });
    store.compact();

    const bytes = await databaseBytes(dir);
    for (const canary of [CANARY, COOKIE_CANARY, PASSWORD_CANARY, CUSTOM_CANARY]) {
      expect(bytes.includes(canary), `${canary} in history.db`).toBe(false);
      expect(store.search({ limit: 10, query: canary }).entries).toEqual([]);
    }
    // The redacted entry still reads well: scheme, cookie names and attributes kept.
    const entry = store.get(id!)!;
    const request = JSON.parse(entry.request.toString()) as { url: string; headers: { name: string; value: string }[]; auth: { username: string; password: string } };
    expect(request.url).toBe(`http://ada:redacted@127.0.0.1:3000/echo?token-in-query=${REDACTED}`);
    expect(request.headers.map((header) => header.value)).toEqual([`Bearer ${REDACTED}`, `session=${REDACTED}; theme=${REDACTED}`, REDACTED]);
    expect(request.auth).toEqual({ type: 'basic', username: 'ada', password: REDACTED });
    expect(entry.detail.response?.requestHeaders).toEqual([
      ['Authorization', `Bearer ${REDACTED}`],
      ['Cookie', `session=${REDACTED}; theme=${REDACTED}`],
      ['X-Custom-Secret', REDACTED],
    ]);
    expect(entry.detail.response?.headers).toContainEqual(['Set-Cookie', `session=${REDACTED}; Path=/; HttpOnly`]);
    // In an echoed body the whole header value is a known secret, so it goes as a whole.
    expect(entry.responseBody?.toString().startsWith(`{"authorization":"${REDACTED}","cookie":"session=${REDACTED}","custom":"${REDACTED}"`)).toBe(true);
  });

  it('the canary check itself works: an unmarked header value does reach the file', async () => {
    const dir = await tempDir();
    const store = await openTestStore({ dataDir: dir });
    await insertSends(store, [sampleSend({ requestHeaders: [['X-Not-Secret', CANARY]] })]);
    store.compact();
    expect((await databaseBytes(dir)).includes(CANARY)).toBe(true);
  });
});

describe('Redactor', () => {
  it('keeps variable references, so a restored request still works', () => {
    const redactor = new Redactor();
    const spec = { headers: [{ name: 'Authorization', value: 'Bearer {{token}}', enabled: true }], auth: { type: 'bearer', token: '{{token}}' } };
    redactor.collect(spec);
    // A reference in the whole value is kept; a literal secret after a scheme is not.
    expect(redactor.redact(spec).auth.token).toBe('{{token}}');
    expect(redactor.headerValue('Authorization', '{{auth}}')).toBe('{{auth}}');
    expect(redactor.headerValue('Authorization', 'Bearer abc.def.ghi')).toBe(`Bearer ${REDACTED}`);
  });

  it('redacts a lone user name in a URL (a token used as user name) and keeps URLs without credentials', () => {
    const redactor = new Redactor();
    expect(redactor.url('https://sk_live_123456@api.example.test/v1')).toBe('https://redacted@api.example.test/v1');
    expect(redactor.url('https://api.example.test/v1?q=1')).toBe('https://api.example.test/v1?q=1');
  });

  it('finds a Basic password echoed back decoded', () => {
    const redactor = new Redactor();
    const basic = `Basic ${Buffer.from(`ada:${PASSWORD_CANARY}`).toString('base64')}`;
    redactor.collect({ requestHeaders: [['Authorization', basic]] });
    expect(redactor.bytes(Buffer.from(`{"user":"ada","password":"${PASSWORD_CANARY}"}`)).toString()).toBe(`{"user":"ada","password":"${REDACTED}"}`);
  });

  it('treats trailers as header lines: a secret-named trailer is redacted by its name', () => {
    const redactor = new Redactor(['X-Session-Token']);
    const meta = { trailers: [['X-Session-Token', 'CANARY-trailer-5c1f']], exchanges: [{ responseTrailers: [['x-session-token', 'CANARY-trailer-5c1f']] }] };
    redactor.collect(meta);
    expect(JSON.stringify(redactor.redact(meta))).not.toContain('CANARY-trailer-5c1f');
  });

  it('does not hunt down short secrets elsewhere (it would mangle bodies), but redacts them in place', () => {
    const redactor = new Redactor();
    redactor.collect({ requestHeaders: [['Authorization', 'Bearer abc']] });
    expect(redactor.text('abc appears in text')).toBe('abc appears in text');
    expect(redactor.headerValue('Authorization', 'Bearer abc')).toBe(`Bearer ${REDACTED}`);
  });
});

describe('secret variables', () => {
  it('values of secret variables the send used are removed everywhere, even from headers not secret by name', async () => {
    const dir = await tempDir();
    const store = await openTestStore({ dataDir: dir });
    const secretValue = 'CANARY-variable-9d2e71';
    const send = {
      ...sampleSend({
        url: `http://127.0.0.1:3000/items?key=${secretValue}`,
        requestHeaders: [['X-Signature', secretValue]],
        body: `{"echo":"${secretValue}"}`,
        spec: { headers: [{ name: 'X-Signature', value: '{{signature}}', enabled: true }] },
      }),
      secrets: Promise.resolve([secretValue]),
    };

    const [id] = await insertSends(store, [send]);
    store.compact();

    expect((await databaseBytes(dir)).includes(secretValue)).toBe(false);
    const entry = store.get(id!)!;
    // The composed request keeps the reference, so reopening it still works.
    expect(JSON.parse(entry.request.toString()).headers[0].value).toBe('{{signature}}');
    expect(entry.detail.response?.requestHeaders).toEqual([['X-Signature', REDACTED]]);
    expect(entry.summary.url).toBe(`http://127.0.0.1:3000/items?key=${REDACTED}`);
  });
});
