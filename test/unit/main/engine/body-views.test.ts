import { describe, expect, it } from 'vitest';
import { ShuttleFailure } from '../../../../shared/contract/errors.ts';
import { formatJson } from '../../../../shared/text/format-json.ts';
import { BodyStore } from '../../../../main/engine/bodies/body-store.ts';
import { BodyViews } from '../../../../main/engine/bodies/body-views.ts';
import { JsonPrettyStream } from '../../../../main/engine/bodies/json-pretty-stream.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

async function storeWith(text: string | Buffer, spillBytes = 64): Promise<{ store: BodyStore; views: BodyViews; id: string }> {
  const store = new BodyStore(await tempDir(), { spillBytes });
  await store.init();
  const writer = store.create();
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  // Written in uneven pieces, as a network delivers them.
  for (let i = 0; i < bytes.length; i += 7) writer.write(bytes.subarray(i, i + 7));
  await writer.end();
  return { store, views: new BodyViews(store), id: writer.id };
}

describe('BodyViews', () => {
  it('reads any range of lines, without their line endings', async () => {
    const { views, id } = await storeWith('first\r\nsecond\nthird\n');
    expect(await views.open(id, 'raw')).toEqual({ lineCount: 3, byteLength: 20, complete: true });
    expect(await views.lines(id, 'raw', 0, 10)).toEqual(['first', 'second', 'third']);
    expect(await views.lines(id, 'raw', 1, 1)).toEqual(['second']);
    expect(await views.lines(id, 'raw', 5, 1)).toEqual([]);
  });

  it('cuts a very long line into display lines without splitting a UTF-8 character', async () => {
    const line = 'é'.repeat(5000); // 10,000 bytes, two bytes per character
    const { views, id } = await storeWith(line);
    const { lineCount } = await views.open(id, 'raw');
    expect(lineCount).toBe(3);
    const lines = await views.lines(id, 'raw', 0, lineCount);
    expect(lines.join('')).toBe(line);
    expect(lines.some((piece) => piece.includes('\uFFFD'))).toBe(false);
  });

  it('shows a pretty copy of JSON, literals untouched, and leaves the raw body as it was', async () => {
    const raw = '{"n":12345678901234567890,"a":[1,{"b":"x,y:{z}"}],"e":{}}';
    const { views, id, store } = await storeWith(raw);
    const { lineCount } = await views.open(id, 'pretty');
    expect((await views.lines(id, 'pretty', 0, lineCount)).join('\n')).toBe(formatJson(raw));
    expect((await store.bytes(id, 0, 1000)).toString()).toBe(raw);
  });

  it('finds plain text (any case), regular expressions and reports where', async () => {
    const { views, id } = await storeWith('alpha Beta\ngamma beta beta\n');
    expect(await views.search(id, 'raw', 'beta', { regex: false, caseSensitive: false })).toEqual({
      matches: [
        { line: 0, start: 6, length: 4 },
        { line: 1, start: 6, length: 4 },
        { line: 1, start: 11, length: 4 },
      ],
      truncated: false,
    });
    expect((await views.search(id, 'raw', 'Beta', { regex: false, caseSensitive: true })).matches).toHaveLength(1);
    expect((await views.search(id, 'raw', 'g\\w+a', { regex: true, caseSensitive: false })).matches).toEqual([{ line: 1, start: 0, length: 5 }]);
  });

  it('plain text is literal, never crosses a line ending or a cut in a long line, and finds matches beside one', async () => {
    const { views, id } = await storeWith('a.b axb A.B\r\nend\r\n' + 'x'.repeat(4095) + 'aab');
    const find = async (query: string, caseSensitive = false) => (await views.search(id, 'raw', query, { regex: false, caseSensitive })).matches;

    expect(await find('a.b')).toEqual([
      { line: 0, start: 0, length: 3 },
      { line: 0, start: 8, length: 3 },
    ]);
    expect(await find('A.B', true)).toEqual([{ line: 0, start: 8, length: 3 }]);
    expect(await find('b\r')).toEqual([]);
    expect(await find('end')).toEqual([{ line: 1, start: 0, length: 3 }]);
    // Line 2 is cut after 4,096 bytes ("x…xa" | "ab"): "aa" spans the cut; "xa" and "ab" lie on either side.
    expect(await find('aa')).toEqual([]);
    expect(await find('xa')).toEqual([{ line: 2, start: 4094, length: 2 }]);
    expect(await find('ab')).toEqual([{ line: 3, start: 0, length: 2 }]);
  });

  it('text beyond ASCII: any case, and offsets in characters', async () => {
    const { views, id } = await storeWith('{"name":"Émile","city":"Zürich"}\nzürich\n');
    const find = async (query: string) => (await views.search(id, 'raw', query, { regex: false, caseSensitive: false })).matches;

    expect(await find('émile')).toEqual([{ line: 0, start: 9, length: 5 }]);
    expect(await find('ZÜRICH')).toEqual([
      { line: 0, start: 24, length: 6 },
      { line: 1, start: 0, length: 6 },
    ]);
  });

  it('refuses an invalid regular expression with a typed error', async () => {
    const { views, id } = await storeWith('x');
    await expect(views.search(id, 'raw', '(', { regex: true, caseSensitive: false })).rejects.toBeInstanceOf(ShuttleFailure);
  });

  it('drops the pretty copy when the body is released', async () => {
    const { views, id, store } = await storeWith('[1,2,3]');
    await views.open(id, 'pretty');
    expect(await views.lines(id, 'pretty', 0, 10)).toEqual(['[', '  1,', '  2,', '  3', ']']);
    await views.release(id);
    await store.release(id);
    await expect(views.lines(id, 'pretty', 0, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('JsonPrettyStream', () => {
  it('formats exactly like formatJson however the input is chunked', () => {
    const raw =
      JSON.stringify({ a: [1, 2, { b: 'str "quoted" \\ back', c: [] }], d: {}, e: 'ü€😀', f: [true, false, null, -1.5e10, 0.25], g: { h: [[]], i: '\\"' } }) +
      '\n  [ 12 ,\t"x" , { "k" :null } ]';
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const stream = new JsonPrettyStream();
      const bytes = Buffer.from(raw);
      const parts: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) parts.push(stream.push(bytes.subarray(i, i + size)));
      parts.push(stream.end());
      expect(Buffer.concat(parts).toString('utf8'), `chunks of ${size}`).toBe(formatJson(raw));
    }
  });
});

describe('BodyViews on a large body', () => {
  it('opens the pretty view with its first screen before the copy is complete, then grows to all of it', async () => {
    const items = Array.from({ length: 60_000 }, (_, i) => `{"id":${i},"name":"item ${i}"}`);
    const raw = `[${items.join(',')}]`;
    const { views, id } = await storeWith(raw, 1024);
    const first = await views.open(id, 'pretty');
    expect(first.lineCount).toBeGreaterThanOrEqual(2_000);
    expect(await views.lines(id, 'pretty', 0, 4)).toEqual(['[', '  {', '    "id": 0,', '    "name": "item 0"']);
    // Reading past what is ready waits for it rather than returning short.
    const total = 60_000 * 4 + 2;
    expect(await views.lines(id, 'pretty', total - 3, 3)).toEqual(['    "name": "item 59999"', '  }', ']']);
    expect(await views.open(id, 'pretty')).toMatchObject({ lineCount: total, complete: true });
    expect((await views.search(id, 'pretty', 'item 59999', { regex: false, caseSensitive: true })).matches).toEqual([{ line: total - 3, start: 13, length: 10 }]);
  });
});
