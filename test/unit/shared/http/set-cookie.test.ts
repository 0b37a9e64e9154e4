import { describe, expect, it } from 'vitest';
import { parseSetCookie } from '../../../../shared/http/set-cookie.ts';

describe('parseSetCookie', () => {
  it('splits name, value and attributes as sent', () => {
    expect(parseSetCookie('sid=a=b; Path=/; HttpOnly; Max-Age=3600; SameSite=Lax')).toEqual({
      name: 'sid',
      value: 'a=b',
      attributes: [
        { name: 'Path', value: '/' },
        { name: 'HttpOnly', value: true },
        { name: 'Max-Age', value: '3600' },
        { name: 'SameSite', value: 'Lax' },
      ],
    });
  });

  it('treats a header without "=" as a nameless value, like RFC 6265 does', () => {
    expect(parseSetCookie('justvalue')).toEqual({ name: '', value: 'justvalue', attributes: [] });
  });
});
