import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentCodings } from '../../../../main/engine/http/decode/content-decoders.ts';
import { bomb } from '../../../fixtures/servers/compressed-bodies.ts';
import { COMPRESSIBLE_JSON, INVALID_UTF8 } from '../../../fixtures/servers/transport-fixture.ts';
import { httpSpec, readWholeBody, startTestEngine } from '../../helpers/engine.ts';
import { transportFixture, valuesOf } from '../../helpers/transport-servers.ts';

const CAP = 1024 * 1024;

describe('compressed responses are decoded into the body store', () => {
  it.each([
    ['/gzip', ['gzip']],
    ['/deflate', ['deflate']],
    ['/deflate-raw', ['deflate']],
    ['/br', ['br']],
    ['/zstd', ['zstd']],
    ['/stacked', ['gzip', 'br']],
  ])('%s: the stored body is the decoded JSON; wire and decoded sizes are both reported', async (route, codings) => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('coded', httpSpec(`${fixture.url}${route}`));

    const stored = await readWholeBody(engine, meta.bodyId);
    expect(stored.toString('utf8')).toBe(COMPRESSIBLE_JSON);
    expect(meta.bodySize).toBe(Buffer.byteLength(COMPRESSIBLE_JSON));
    expect(meta.contentEncoding).toEqual(codings);
    expect(meta.wireSize).toBe(Number(valuesOf(meta.headers, 'content-length')[0]));
    expect(meta.wireSize).toBeLessThan(meta.bodySize / 5);
    expect(meta.bodyTruncated).toBe(false);
  });

  it('the engine asks for every coding it can undo', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    await engine.http.send('accept', httpSpec(`${fixture.url}/echo`));

    expect(fixture.requests[0]!.headers['accept-encoding']).toBe('gzip, deflate, br, zstd');
  });

  it('an uncompressed body reports equal wire and body sizes and no coding', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('plain', httpSpec(`${fixture.url}/bytes/5000`));

    expect(meta).toMatchObject({ bodySize: 5000, wireSize: 5000 });
    expect(meta.contentEncoding).toBeUndefined();
  });

  it.each(['gzip', 'br', 'zstd', 'deflate'])('a %s bomb (64 MB of zeros) stops at the cap, having read little of it', async (coding) => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    await engine.settings.update({ maxResponseBytes: CAP });

    const meta = await engine.http.send('bomb', httpSpec(`${fixture.url}/bomb/${coding}?mb=64&paced=1`));

    expect(meta.bodyTruncated).toBe(true);
    expect(meta.bodySize).toBe(CAP);
    expect((await readWholeBody(engine, meta.bodyId)).equals(Buffer.alloc(CAP))).toBe(true);
    // Decoding stopped at the cap and the download with it: the answer was complete before the
    // (paced) server had even written the whole bomb.
    expect(fixture.lastBomb!.total).toBe(bomb(coding as 'gzip', 64).length);
    expect(fixture.lastBomb!.written).toBeLessThan(fixture.lastBomb!.total);
  });

  it('a body that is not valid gzip keeps the response and flags the body with PROTOCOL', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('corrupt', httpSpec(`${fixture.url}/corrupt-gzip`));

    expect(meta.status).toBe(200);
    expect(meta.bodyError).toMatchObject({ code: 'PROTOCOL', detail: { reason: 'the gzip body could not be decoded' } });
    // The engine still works afterwards.
    expect((await engine.http.send('after', httpSpec(`${fixture.url}/gzip`))).bodySize).toBe(Buffer.byteLength(COMPRESSIBLE_JSON));
  });

  it('invalid UTF-8 labelled JSON is stored byte for byte (same SHA-256)', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('bytes', httpSpec(`${fixture.url}/invalid-utf8`));

    const stored = await readWholeBody(engine, meta.bodyId);
    expect(createHash('sha256').update(stored).digest('hex')).toBe(createHash('sha256').update(INVALID_UTF8).digest('hex'));
  });
});

describe('contentCodings', () => {
  it('reads the codings in the order they were applied, ignoring identity', () => {
    expect(contentCodings(['gzip, br'])).toEqual(['gzip', 'br']);
    expect(contentCodings(['GZIP', ' identity ', 'zstd'])).toEqual(['gzip', 'zstd']);
    expect(contentCodings([])).toEqual([]);
  });

  it('any unknown coding means nothing is decoded (the body is kept as it came)', () => {
    expect(contentCodings(['gzip, compress'])).toBeUndefined();
  });
});
