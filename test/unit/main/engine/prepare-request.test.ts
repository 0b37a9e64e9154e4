import { describe, expect, it } from 'vitest';
import { prepareRequest } from '../../../../main/engine/http/prepare-request.ts';
import { httpSpec } from '../../helpers/engine.ts';

describe('prepareRequest: URLs as WHATWG URL reads them', () => {
  it('an IDN host goes out as punycode', async () => {
    const prepared = await prepareRequest(httpSpec('http://bücher.example/straße?q=ü'));

    expect(prepared.url.hostname).toBe('xn--bcher-kva.example');
    expect(prepared.url.pathname + prepared.url.search).toBe('/stra%C3%9Fe?q=%C3%BC');
  });

  it('credentials in the URL are taken out of it, decoded, for Basic auth', async () => {
    const prepared = await prepareRequest(httpSpec('https://us%40er:p%3Ass@api.example/x'));

    expect(prepared.url.href).toBe('https://api.example/x');
    expect(prepared.urlCredentials).toEqual({ username: 'us@er', password: 'p:ss' });
  });

  it('automatic headers are added only where the user set none, after the user\'s own', async () => {
    const prepared = await prepareRequest(
      httpSpec('http://api.example/', { headers: [{ name: 'accept-encoding', value: 'identity', enabled: true }], method: 'POST', body: { mode: 'text', text: 'x' } }),
    );

    expect(prepared.headers).toEqual([
      ['accept-encoding', 'identity'],
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['User-Agent', 'Shuttle/0.1'],
    ]);
  });
});
