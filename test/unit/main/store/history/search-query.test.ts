import { describe, expect, it } from 'vitest';
import { facetMatch, facetsOf } from '../../../../../main/store/history/facets.ts';
import { toFtsQuery } from '../../../../../main/store/history/fts-query.ts';

const DAY = 24 * 3600 * 1000;

describe('toFtsQuery', () => {
  it('quotes each word as a prefix term over the text columns, all required', () => {
    expect(toFtsQuery('ada lovel')).toBe('{url method headers body} : ("ada"* "lovel"*)');
  });

  it('keeps a "quoted phrase" together and escapes quotes inside words', () => {
    expect(toFtsQuery('"order created" x"y')).toBe('{url method headers body} : ("order created"* "x""y"*)');
  });

  it('drops terms without letters or digits, and returns undefined when nothing is left', () => {
    expect(toFtsQuery('  /  :: * ')).toBeUndefined();
    expect(toFtsQuery('')).toBeUndefined();
    expect(toFtsQuery(undefined)).toBeUndefined();
    expect(toFtsQuery('AND OR NEAR')).toBe('{url method headers body} : ("AND"* "OR"* "NEAR"*)');
  });
});

describe('facets', () => {
  it('turns an entry into method, status class, host and UTC day tokens', () => {
    expect(facetsOf({ method: 'GET', status: 404, host: 'api.example.com:8443', sentAt: Date.UTC(2025, 2, 9, 23, 59) })).toBe('mget s4xx hapiexamplecom8443 d20250309');
    expect(facetsOf({ method: 'M-SEARCH', status: null, host: '', sentAt: 0 })).toBe('mmsearch sfailed h d19700101');
  });

  it('turns filters into a facet query: host as a prefix, a time range as its days', () => {
    expect(facetMatch({})).toBeUndefined();
    expect(facetMatch({ method: 'post', statusClass: '2xx', host: 'API.example' })).toBe('facets : ("mpost" AND "s2xx" AND "hapiexample"*)');
    const from = Date.UTC(2025, 0, 30, 12);
    expect(facetMatch({ from, to: from + 2 * DAY })).toBe('facets : (("d20250130" OR "d20250131" OR "d20250201"))');
    expect(facetMatch({ from, to: from + DAY / 4 })).toBe('facets : ("d20250130")');
  });

  it('leaves long or unbounded-in-the-past ranges to the exact time check', () => {
    expect(facetMatch({ from: 0, to: 365 * DAY })).toBeUndefined();
    expect(facetMatch({ to: Date.now() })).toBeUndefined();
    expect(facetMatch({ host: ':' })).toBeUndefined();
  });
});
