import { describe, expect, it } from 'vitest';
import { formatJson, isJson } from '../../../../shared/text/format-json.ts';

describe('formatJson', () => {
  it('indents like JSON.stringify(…, 2) for ordinary documents', () => {
    const value = { a: 1, b: [true, null, 'x'], c: { d: {}, e: [] }, f: 'with, commas: and {braces}' };
    expect(formatJson(JSON.stringify(value))).toBe(JSON.stringify(value, null, 2));
  });

  it('keeps every literal exactly as sent: big integers, number forms, escapes, duplicate keys', () => {
    expect(formatJson('{"n":12345678901234567890,"p":1.50,"e":1E+3,"s":"caf\\u00e9 \\"q\\"","k":1,"k":2}')).toBe(
      ['{', '  "n": 12345678901234567890,', '  "p": 1.50,', '  "e": 1E+3,', '  "s": "caf\\u00e9 \\"q\\"",', '  "k": 1,', '  "k": 2', '}'].join('\n'),
    );
  });

  it('re-indents already pretty or oddly spaced JSON', () => {
    expect(formatJson('[ 1 ,\n\t2 ,{ "a" : [ ] } ]')).toBe('[\n  1,\n  2,\n  {\n    "a": []\n  }\n]');
  });

  it('tells JSON from other text', () => {
    expect(isJson('{"a":1}')).toBe(true);
    expect(isJson('  ')).toBe(false);
    expect(isJson('<html>')).toBe(false);
  });
});
