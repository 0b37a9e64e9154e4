import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import type { HttpRequestSpec } from '../../../../../shared/model/request.ts';
import { parseCanonicalYaml } from '../../../../../main/store/workspace/canonical-yaml.ts';
import { encodeRequest, encodeSettings } from '../../../../../main/store/workspace/document-codecs.ts';
import { stringifyYaml } from '../../../../../main/store/workspace/yaml-document.ts';

/** What the full parser makes of the text, or "error". */
function full(text: string): unknown {
  const document = parseDocument(text, { uniqueKeys: true });
  return document.errors.length > 0 ? 'error' : document.toJS();
}

/** A small seeded generator, so a failure is reproducible. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

const PIECES = [
  'a', 'Z', '0', '7', ' ', '  ', '\n', '\n\n', '\t', ':', ': ', ' #', '#', '-', '- ', '?', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '%', '@', '`',
  "'", '"', '\\', '\\n', 'true', 'null', '~', '1.5', '0x1F', '0o17', '.inf', '-12', '+3', '1e3', 'é', '咖啡', '😀', '\u2028', '{{baseUrl}}', '---', '...',
];

function randomText(rng: ReturnType<typeof random>, max = 6): string {
  let text = '';
  const count = Math.floor(rng.next() * max);
  for (let i = 0; i < count; i++) text += rng.pick(PIECES);
  return text;
}

describe('fast reader for the YAML Shuttle writes', () => {
  it('reads every request Shuttle writes exactly as the full parser does (2,000 generated requests)', () => {
    const rng = random(42);
    let fastPath = 0;
    for (let n = 0; n < 2_000; n++) {
      const spec: HttpRequestSpec = {
        method: rng.pick(['GET', 'POST', 'PURGE', 'M-SEARCH']),
        url: randomText(rng, 8),
        headers: Array.from({ length: Math.floor(rng.next() * 3) }, () => ({ name: randomText(rng, 3), value: randomText(rng), enabled: rng.next() < 0.8 })),
        body: { mode: rng.pick(['none', 'json', 'text'] as const), text: randomText(rng, 12) },
      };
      if (rng.next() < 0.3) spec.auth = { type: 'bearer', token: randomText(rng) };
      if (rng.next() < 0.3) spec.settings = { timeoutMs: Math.floor(rng.next() * 10_000), verifyTls: rng.next() < 0.5 };
      const text = stringifyYaml(encodeRequest({ kind: 'http', spec }));

      const fast = parseCanonicalYaml(text);

      if (fast !== undefined) {
        fastPath += 1;
        expect(fast, text).toEqual(full(text));
      }
    }
    // Most files take the fast path; the rest (odd characters in a line) still read correctly through the full parser.
    expect(fastPath).toBeGreaterThan(1_000);
  });

  it('reads the settings files it writes', () => {
    const text = stringifyYaml(
      encodeSettings('collection', {
        variables: [
          { name: 'baseUrl', value: 'http://127.0.0.1:3000', enabled: true, secret: false },
          { name: 'token', value: '', enabled: false, secret: true },
        ],
        headers: [{ name: 'Accept', value: 'application/json', enabled: true }],
        auth: { type: 'basic', username: '{{user}}', password: '{{password}}' },
        settings: { timeoutMs: 5000, followRedirects: false },
      }),
    );
    expect(parseCanonicalYaml(text)).toEqual(full(text));
    expect(parseCanonicalYaml(text)).not.toBeUndefined();
  });

  it.each([
    ['comments everywhere', '# top\nkind: http # trailing\n\n# between\nformatVersion: 1\nheaders:\n  # in a list\n  - name: A # after\n    value: b\n'],
    ['quoted scalars with escapes', 'a: "tab\\tnew\\nline \\u00e9 \\x41 \\"q\\" \\\\"\nb: \'it\'\'s # not a comment\'\nc: "#"\n'],
    ['numbers, booleans and nulls', 'a: 1\nb: -2\nc: true\nd: False\ne: null\nf: ~\ng:\nh: "1"\ni: 0012\n'],
    ['block scalars with every chomping', 'a: |\n  one\n  two\nb: |-\n  strip\n\n\nc: |+\n  keep\n\n\nd: after\n'],
    ['a block with blank and deeper lines', 'text: |\n  {\n\n    "a": 1\n  }\nnext: 1\n'],
    ['nested lists of maps', 'list:\n  - a: 1\n    b:\n      c: 2\n  - plain item\n  -\n    d: 3\n'],
  ])('agrees with the full parser on %s', (_what, text) => {
    const fast = parseCanonicalYaml(text);
    expect(fast).not.toBeUndefined();
    expect(fast).toEqual(full(text));
  });

  it.each([
    ['a flow sequence', 'a: [1, 2]\n'],
    ['a flow mapping', 'a: {b: 1}\n'],
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a folded block', 'a: >\n  folded\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a compact sequence under a key', 'a:\n- 1\n- 2\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a float', 'a: 1.5\n'],
    ['a hex number', 'a: 0x1F\n'],
    ['a huge integer', 'a: 123456789012345678901234\n'],
    ['tabs', 'a:\tb\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a key that is __proto__', '__proto__: 1\n'],
    ['an unclosed quote', 'a: "open\n'],
    ['a plain scalar ending with a colon', 'a: b:\n'],
    ['a block scalar at the end without a newline', 'a: |\n  text'],
    ['an indentation indicator', 'a: |2\n   text\n'],
  ])('leaves %s to the full parser', (_what, text) => {
    expect(parseCanonicalYaml(text)).toBeUndefined();
  });

  it.each([7, 1234, 99_991])('never accepts a document the full parser refuses (5,000 random mutations of a request file, seed %i)', (seed) => {
    const rng = random(seed);
    const base = 'kind: http\nformatVersion: 1\nmethod: GET\nurl: "{{baseUrl}}/a"\nheaders:\n  - name: A\n    value: b\n    enabled: false\nbody:\n  mode: json\n  text: |\n    {\n      "a": 1\n    }\n';
    for (let n = 0; n < 5_000; n++) {
      const at = Math.floor(rng.next() * base.length);
      const text = rng.next() < 0.5 ? base.slice(0, at) + rng.pick(PIECES) + base.slice(at) : base.slice(0, at) + base.slice(at + 1 + Math.floor(rng.next() * 3));
      const fast = parseCanonicalYaml(text);
      if (fast !== undefined) expect(fast, JSON.stringify(text)).toEqual(full(text));
    }
  });
});
