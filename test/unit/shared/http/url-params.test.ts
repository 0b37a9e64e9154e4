import { describe, expect, it } from 'vitest';
import { paramsFromUrl, pathParamNames, urlWithParams } from '../../../../shared/http/url-params.ts';

describe('query params ⇄ URL', () => {
  it('reads rows in order, keeping duplicates, bare flags and escapes as typed', () => {
    expect(paramsFromUrl('http://h/p?b=2&a=1&b=3&flag&q=caf%C3%A9#top')).toEqual([
      { name: 'b', value: '2', enabled: true },
      { name: 'a', value: '1', enabled: true },
      { name: 'b', value: '3', enabled: true },
      { name: 'flag', value: '', enabled: true },
      { name: 'q', value: 'caf%C3%A9', enabled: true },
    ]);
    expect(paramsFromUrl('http://h/p')).toEqual([]);
    expect(paramsFromUrl('http://h/p?')).toEqual([]);
  });

  it('writes rows back without touching the rest of the URL', () => {
    const url = 'http://h:8080/p/:id?x=1#frag';
    expect(urlWithParams(url, [{ name: 'a', value: '1', enabled: true }, { name: 'a', value: '2', enabled: true }])).toBe('http://h:8080/p/:id?a=1&a=2#frag');
    expect(urlWithParams(url, [])).toBe('http://h:8080/p/:id#frag');
  });

  it('leaves disabled rows out of the URL', () => {
    expect(urlWithParams('http://h/', [{ name: 'on', value: '1', enabled: true }, { name: 'off', value: '2', enabled: false }])).toBe('http://h/?on=1');
  });

  it('escapes exactly the characters that would change the structure of the query', () => {
    const url = urlWithParams('http://h/', [{ name: 'a=b', value: 'x&y#z=w', enabled: true }]);
    expect(url).toBe('http://h/?a%3Db=x%26y%23z=w');
    expect(new URL(url).searchParams.get('a=b')).toBe('x&y#z=w');
  });

  it('round-trips: reading and writing back gives the same URL', () => {
    for (const url of ['http://h/p?b=2&a=1&b=3&flag', 'https://api.example.com/v1/items?sort=-created&filter%5Bstatus%5D=open']) {
      expect(urlWithParams(url, paramsFromUrl(url))).toBe(url);
    }
  });

  it('finds :name path segments once each, and not in the host, port or query', () => {
    expect(pathParamNames('http://localhost:3000/users/:id/posts/:postId?x=:nope')).toEqual(['id', 'postId']);
    expect(pathParamNames('/users/:id/friends/:id')).toEqual(['id']);
    expect(pathParamNames('http://h/a:b/c')).toEqual([]);
  });
});
