import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeBody, graphqlEnvelope } from '../../../../main/engine/http/body/encode-body.ts';
import { substitutePathParams } from '../../../../shared/http/path-params.ts';
import type { MultipartPart } from '../../../../shared/model/request.ts';
import type { ReceivedPart } from '../../../fixtures/servers/multipart-parser.ts';
import { httpSpec, startTestEngine } from '../../helpers/engine.ts';
import { failureOf } from '../../helpers/failure.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { jsonOf, transportFixture, valuesOf } from '../../helpers/transport-servers.ts';

interface Echo {
  method: string;
  path: string;
  rawHeaders: string[];
  bodyText: string;
  bodyBase64: string;
  bodySha256: string;
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

async function bytesOf(content: Buffer | (() => AsyncIterable<Uint8Array>)): Promise<Buffer> {
  if (Buffer.isBuffer(content)) return content;
  const chunks: Buffer[] = [];
  for await (const chunk of content()) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describe('body modes on the wire', () => {
  it.each([
    ['json', 'application/json'],
    ['text', 'text/plain; charset=utf-8'],
    ['xml', 'application/xml'],
    ['html', 'text/html; charset=utf-8'],
    ['javascript', 'text/javascript; charset=utf-8'],
  ] as const)('raw %s goes out byte for byte with Content-Type %s and an exact Content-Length', async (mode, contentType) => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    const text = `<payload mode="${mode}">Zoë 🚀 "quotes" \\ end</payload>`;

    const meta = await engine.http.send('raw', httpSpec(`${fixture.url}/echo`, { method: 'POST', body: { mode, text } }));

    const echo = await jsonOf<Echo>(engine, meta.bodyId);
    expect(echo.bodyText).toBe(text);
    expect(valuesOf(echo.rawHeaders, 'content-type')).toEqual([contentType]);
    expect(valuesOf(echo.rawHeaders, 'content-length')).toEqual([String(Buffer.byteLength(text))]);
  });

  it('form-urlencoded sends the enabled rows in order, duplicates kept, encoded as a form', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    const form = [
      { name: 'q', value: 'a b&c=d', enabled: true },
      { name: 'skip', value: 'no', enabled: false },
      { name: 'tag', value: 'x', enabled: true },
      { name: 'tag', value: 'ü/?', enabled: true },
      { name: '', value: '', enabled: true },
    ];

    const meta = await engine.http.send('form', httpSpec(`${fixture.url}/echo`, { method: 'POST', body: { mode: 'form-urlencoded', text: '', form } }));

    const echo = await jsonOf<Echo>(engine, meta.bodyId);
    expect(echo.bodyText).toBe('q=a+b%26c%3Dd&tag=x&tag=%C3%BC%2F%3F');
    expect([...new URLSearchParams(echo.bodyText)]).toEqual([
      ['q', 'a b&c=d'],
      ['tag', 'x'],
      ['tag', 'ü/?'],
    ]);
    expect(valuesOf(echo.rawHeaders, 'content-type')).toEqual(['application/x-www-form-urlencoded']);
  });

  it('multipart: text and file parts (path and inline) arrive intact, with per-part types and a boundary of its own', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    const dir = await tempDir();
    const onDisk = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) & 0xff));
    const path = join(dir, 'photo "1".png');
    await writeFile(path, onDisk);
    const inline = Buffer.from('{"inline": true}');
    const multipart: MultipartPart[] = [
      { name: 'title', enabled: true, kind: 'text', value: 'Zoë\r\n--not-a-boundary' },
      { name: 'meta', enabled: true, kind: 'text', value: '{"a":1}', contentType: 'application/json' },
      { name: 'off', enabled: false, kind: 'text', value: 'never' },
      { name: 'photo', enabled: true, kind: 'file', value: '', file: { kind: 'path', path } },
      { name: 'doc', enabled: true, kind: 'file', value: '', file: { kind: 'inline', fileName: 'data.json', base64: inline.toString('base64') }, contentType: 'application/vnd.x+json' },
    ];

    const meta = await engine.http.send('multipart', httpSpec(`${fixture.url}/multipart`, { method: 'POST', body: { mode: 'multipart', text: '', multipart } }));

    const { parts } = await jsonOf<{ parts: ReceivedPart[] }>(engine, meta.bodyId);
    expect(parts.map((part) => part.name)).toEqual(['title', 'meta', 'photo', 'doc']);
    expect(parts[0]).toMatchObject({ text: 'Zoë\r\n--not-a-boundary' });
    expect(parts[0]!.contentType).toBeUndefined();
    expect(parts[1]).toMatchObject({ contentType: 'application/json', text: '{"a":1}' });
    // The quote in the file name is escaped, as browsers do, so it cannot end the parameter.
    expect(parts[2]).toMatchObject({ filename: 'photo %221%22.png', contentType: 'image/png', size: onDisk.length, sha256: sha256(onDisk) });
    expect(parts[3]).toMatchObject({ filename: 'data.json', contentType: 'application/vnd.x+json', sha256: sha256(inline) });
    const sent = fixture.requests.at(-1)!;
    const contentType = String(sent.headers['content-type']);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=----ShuttleFormBoundary[0-9a-f]{24}$/);
    // A file on disk is streamed with an exact length, not chunked.
    expect(sent.headers['content-length']).toBe(String(sent.body.length));
    expect(sent.headers['transfer-encoding']).toBeUndefined();
  });

  it('binary sends a file as is, streamed from disk', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    const path = join(await tempDir(), 'blob.bin');
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 13 + 5) & 0xff));
    await writeFile(path, bytes);

    const meta = await engine.http.send('binary', httpSpec(`${fixture.url}/echo`, { method: 'PUT', body: { mode: 'binary', text: '', binary: { kind: 'path', path } } }));

    const echo = await jsonOf<Echo>(engine, meta.bodyId);
    expect(echo.bodySha256).toBe(sha256(bytes));
    expect(valuesOf(echo.rawHeaders, 'content-type')).toEqual(['application/octet-stream']);
    expect(valuesOf(echo.rawHeaders, 'content-length')).toEqual([String(bytes.length)]);
  });

  it('GraphQL sends the standard envelope and the server answers with data', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    const graphql = { query: 'query Hello($name: String) { hello(name: $name) }', variables: '{ "name": "Shuttle" }', operationName: 'Hello' };

    const meta = await engine.http.send('graphql', httpSpec(`${fixture.url}/graphql`, { method: 'POST', body: { mode: 'graphql', text: '', graphql } }));

    const answer = await jsonOf<{ data: { hello: string }; echo: unknown }>(engine, meta.bodyId);
    expect(answer.data.hello).toBe('Hello, Shuttle');
    expect(answer.echo).toEqual({ query: graphql.query, variables: { name: 'Shuttle' }, operationName: 'Hello' });
    expect(valuesOf(fixture.requests.at(-1)!.rawHeaders, 'content-type')).toEqual(['application/json']);
  });

  it('the user\'s own Content-Type and Content-Length override the automatic ones', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    const headers = [
      { name: 'content-type', value: 'application/merge-patch+json', enabled: true },
      { name: 'Content-Length', value: '2', enabled: true },
    ];

    const meta = await engine.http.send('own', httpSpec(`${fixture.url}/echo`, { method: 'PATCH', headers, body: { mode: 'json', text: '{}' } }));

    const echo = await jsonOf<Echo>(engine, meta.bodyId);
    expect(valuesOf(echo.rawHeaders, 'content-type')).toEqual(['application/merge-patch+json']);
    expect(echo.bodyText).toBe('{}');
  });
});

describe('body modes refused before sending', () => {
  it.each([
    ['not JSON', '{ name: Shuttle }', /not valid JSON/],
    ['an array', '[1, 2]', /must be a JSON object/],
  ])('GraphQL variables that are %s are a VALIDATION error, and nothing is sent', async (_what, variables, message) => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const failure = await failureOf(
      engine.http.send('gql-bad', httpSpec(`${fixture.url}/graphql`, { method: 'POST', body: { mode: 'graphql', text: '', graphql: { query: '{ hello }', variables } } })),
    );

    expect(failure.code).toBe('VALIDATION');
    expect(failure.message).toMatch(message);
    expect(failure.detail).toEqual({ field: 'variables' });
    expect(fixture.connections).toBe(0);
  });

  it('a body file that does not exist is a VALIDATION error naming the path', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    const path = join(await tempDir(), 'missing.bin');

    const failure = await failureOf(engine.http.send('missing', httpSpec(`${fixture.url}/echo`, { method: 'POST', body: { mode: 'binary', text: '', binary: { kind: 'path', path } } })));

    expect(failure.code).toBe('VALIDATION');
    expect(failure.detail).toMatchObject({ path, reason: 'no such file' });
    expect(fixture.connections).toBe(0);
  });

  it('a multipart file part without a file, or with a content type carrying CR/LF, is refused', async () => {
    const noFile = await failureOf(Promise.resolve().then(() => encodeBody({ mode: 'multipart', text: '', multipart: [{ name: 'f', enabled: true, kind: 'file', value: '' }] })));
    const injected = await failureOf(
      Promise.resolve().then(() =>
        encodeBody({ mode: 'multipart', text: '', multipart: [{ name: 't', enabled: true, kind: 'text', value: 'v', contentType: 'text/plain\r\nX-Evil: 1' }] }),
      ),
    );

    expect(noFile.code).toBe('VALIDATION');
    expect(injected.code).toBe('INVALID_HEADER');
  });

  it('inline base64 that is not base64 is refused rather than sent mangled', async () => {
    const failure = await failureOf(Promise.resolve().then(() => encodeBody({ mode: 'binary', text: '', binary: { kind: 'inline', fileName: 'x', base64: 'data:text/plain;base64,aGk=' } })));
    expect(failure.code).toBe('VALIDATION');
  });
});

describe('encodeBody, byte for byte', () => {
  it('multipart bytes follow RFC 7578 exactly, and the declared length is the length', async () => {
    const body = await encodeBody({
      mode: 'multipart',
      text: '',
      multipart: [
        { name: 'a"b\r\nc', enabled: true, kind: 'text', value: 'one' },
        { name: 'f', enabled: true, kind: 'file', value: '', file: { kind: 'inline', fileName: 'x.txt', base64: Buffer.from('two').toString('base64') } },
      ],
    });

    const boundary = /boundary=(.+)$/.exec(body!.contentType!)![1];
    const bytes = await bytesOf(body!.content);
    expect(bytes.toString('utf8')).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="a%22b%0D%0Ac"\r\n\r\none\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="x.txt"\r\nContent-Type: text/plain\r\n\r\ntwo\r\n` +
        `--${boundary}--\r\n`,
    );
    expect(body!.length).toBe(bytes.length);
  });

  it('GraphQL leaves out empty variables and operation name', () => {
    expect(graphqlEnvelope({ query: '{ a }', variables: '  ', operationName: '' })).toEqual({ query: '{ a }' });
    expect(graphqlEnvelope({ query: '{ a }', variables: 'null' })).toEqual({ query: '{ a }' });
  });
});

describe('path parameters', () => {
  it('whole :name segments are replaced, percent-encoded so a value cannot add a segment, query or fragment', () => {
    const params = [
      { name: 'id', value: 'a/b?c#d e' },
      { name: 'postId', value: '42' },
    ];
    expect(substitutePathParams('/users/:id/posts/:postId', params)).toBe('/users/a%2Fb%3Fc%23d%20e/posts/42');
    // Not parameters: part of a segment, or a name without a value.
    expect(substitutePathParams('/a:id/:id.json/:missing', params)).toBe('/a:id/:id.json/:missing');
  });

  it('are substituted in what the engine sends', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('path', httpSpec(`${fixture.url}/:route?x=:id`, { pathParams: [{ name: 'route', value: 'echo' }, { name: 'id', value: '7' }] }));

    expect(meta.url).toBe(`${fixture.url}/echo?x=:id`);
    expect(fixture.requests.at(-1)!.path).toBe('/echo?x=:id');
  });
});
