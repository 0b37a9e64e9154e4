import { describe, expect, it } from 'vitest';
import { parseJsonLiteral, sameNumber } from '../../../../shared/diff/json-literal.ts';

describe('parseJsonLiteral', () => {
  it('keeps literals as written: big integers, trailing zeros, escapes, duplicate keys', () => {
    const tree = parseJsonLiteral('{"id":12345678901234567890,"price":1.50,"text":"caf\\u00e9","same":1,"same":2}');
    expect(tree).toEqual({
      type: 'object',
      entries: [
        { key: 'id', keyText: '"id"', value: { type: 'number', text: '12345678901234567890' } },
        { key: 'price', keyText: '"price"', value: { type: 'number', text: '1.50' } },
        { key: 'text', keyText: '"text"', value: { type: 'string', text: '"caf\\u00e9"', value: 'café' } },
        { key: 'same', keyText: '"same"', value: { type: 'number', text: '1' } },
        { key: 'same', keyText: '"same"', value: { type: 'number', text: '2' } },
      ],
    });
  });

  it('parses every kind of value, with whitespace anywhere JSON allows it', () => {
    expect(parseJsonLiteral(' [ true , false , null , -0.5e+3 , "" , { } , [ ] ] \n')).toEqual({
      type: 'array',
      items: [
        { type: 'literal', text: 'true' },
        { type: 'literal', text: 'false' },
        { type: 'literal', text: 'null' },
        { type: 'number', text: '-0.5e+3' },
        { type: 'string', text: '""', value: '' },
        { type: 'object', entries: [] },
        { type: 'array', items: [] },
      ],
    });
  });

  it.each([
    ['empty text', ''],
    ['a trailing comma', '[1,]'],
    ['a missing value', '{"a":}'],
    ['single quotes', "{'a':1}"],
    ['a leading zero', '01'],
    ['trailing text', '{"a":1} x'],
    ['an unterminated string', '"abc'],
    ['a raw line break in a string', '"a\nb"'],
    ['an invalid escape', '"\\x41"'],
    ['NaN', 'NaN'],
    ['a bare word', 'nul'],
  ])('returns undefined for %s', (_what, text) => {
    expect(parseJsonLiteral(text)).toBeUndefined();
  });

  it('returns undefined for nesting past the depth limit instead of overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(parseJsonLiteral(deep)).toBeUndefined();
    expect(parseJsonLiteral('[[[1]]]', 3)).toBeDefined();
    expect(parseJsonLiteral('[[[[1]]]]', 3)).toBeUndefined();
  });
});

describe('sameNumber', () => {
  it.each([
    ['1.5', '1.50', true],
    ['100', '1e2', true],
    ['0', '-0', true],
    ['1', '2', false],
    ['12345678901234567890', '12345678901234567890', true],
    // Both round to the same double; compared exactly they differ.
    ['12345678901234567890', '12345678901234567891', false],
    ['12345678901234567890', '1.2345678901234567e19', false],
  ])('%s vs %s: %s', (left, right, same) => {
    expect(sameNumber(left, right)).toBe(same);
  });
});
