import { describe, expect, it } from 'vitest';
import { diffHeaders } from '../../../../shared/diff/header-diff.ts';
import { isVolatileHeader } from '../../../../shared/diff/volatile-headers.ts';

describe('diffHeaders', () => {
  it('matches names case-insensitively and classifies each header', () => {
    const rows = diffHeaders(
      [
        ['Content-Type', 'application/json'],
        ['Date', 'Mon, 01 Jan 2024 00:00:00 GMT'],
        ['X-Old', '1'],
      ],
      [
        ['content-type', 'application/json'],
        ['Date', 'Mon, 01 Jan 2024 00:00:01 GMT'],
        ['X-New', '2'],
      ],
    );
    expect(rows).toEqual([
      { name: 'Content-Type', kind: 'same', left: ['application/json'], right: ['application/json'], volatile: false },
      { name: 'Date', kind: 'changed', left: ['Mon, 01 Jan 2024 00:00:00 GMT'], right: ['Mon, 01 Jan 2024 00:00:01 GMT'], volatile: true },
      { name: 'X-Old', kind: 'removed', left: ['1'], right: [], volatile: false },
      { name: 'X-New', kind: 'added', left: [], right: ['2'], volatile: false },
    ]);
  });

  it('compares repeated headers as ordered lists', () => {
    const [sameOrder] = diffHeaders(
      [
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
      ],
      [
        ['set-cookie', 'a=1'],
        ['set-cookie', 'b=2'],
      ],
    );
    expect(sameOrder).toMatchObject({ kind: 'same', left: ['a=1', 'b=2'] });
    const [oneMore] = diffHeaders([['Vary', 'a']], [['Vary', 'a'], ['Vary', 'b']]);
    expect(oneMore).toMatchObject({ kind: 'changed', right: ['a', 'b'] });
  });
});

describe('isVolatileHeader', () => {
  it.each(['Date', 'ETag', 'age', 'Last-Modified', 'Expires', 'Set-Cookie', 'X-Request-Id', 'X-GitHub-Request-Id', 'X-B3-TraceId', 'CF-Ray'])(
    '%s is volatile',
    (name) => expect(isVolatileHeader(name)).toBe(true),
  );
  it.each(['Content-Type', 'Content-Length', 'Cache-Control', 'X-Rate-Limit', 'Location'])('%s is not', (name) => expect(isVolatileHeader(name)).toBe(false));
});
