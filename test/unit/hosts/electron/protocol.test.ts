import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveRendererPath } from '../../../../main/hosts/electron/protocol.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const INDEX_HTML = '<!doctype html><title>Shuttle</title><script type="module" src="/assets/app.js"></script>';
const SECRET = 'outside-the-build-canary';

/** A renderer build in <tmp>/renderer, with a secret file next to it that must never be served. */
async function rendererBuild() {
  const root = await tempDir();
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(join(root, 'secret.txt'), SECRET);
  return { rendererDir, serve: createAppProtocolHandler(rendererDir) };
}

const get = (url: string, method = 'GET') => new Request(url, { method });

describe('the app:// protocol', () => {
  it('serves index.html with a CSP that forbids eval, inline and remote scripts', async () => {
    const { serve } = await rendererBuild();

    const response = await serve(get('app://shuttle/index.html'));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(INDEX_HTML);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the root and the assets with their content types', async () => {
    const { serve } = await rendererBuild();

    expect(await (await serve(get('app://shuttle/'))).text()).toBe(INDEX_HTML);
    const script = await serve(get('app://shuttle/assets/app.js'));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBeTruthy();
  });

  it('answers client-side routes with index.html, but a missing file with 404', async () => {
    const { serve } = await rendererBuild();

    const route = await serve(get('app://shuttle/collections/new'));
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(INDEX_HTML);
    expect((await serve(get('app://shuttle/assets/missing.js'))).status).toBe(404);
  });

  it('never serves a file outside the build through ../ (plain or dot-encoded)', async () => {
    const { serve } = await rendererBuild();

    for (const url of ['app://shuttle/../secret.txt', 'app://shuttle/assets/../../secret.txt', 'app://shuttle/%2e%2e/secret.txt']) {
      const response = await serve(get(url));
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain(SECRET);
    }
  });

  it('refuses encoded slashes, backslashes and NUL with 403', async () => {
    const { serve } = await rendererBuild();

    for (const url of [
      'app://shuttle/..%2fsecret.txt',
      'app://shuttle/assets%2F..%2F..%2Fsecret.txt',
      'app://shuttle/..%5csecret.txt',
      'app://shuttle/index.html%00.js',
      'app://shuttle/%252e%252e%252fsecret.txt',
    ]) {
      const response = await serve(get(url));
      expect([403, 404], url).toContain(response.status);
      expect(await response.text(), url).not.toContain(SECRET);
    }
    expect((await serve(get('app://shuttle/..%2fsecret.txt'))).status).toBe(403);
    expect((await serve(get('app://shuttle/..%5csecret.txt'))).status).toBe(403);
    expect((await serve(get('app://shuttle/index.html%00.js'))).status).toBe(403);
    // Refused even where decoding would land inside the build: an encoded slash is never legitimate.
    expect((await serve(get('app://shuttle/assets%2Fapp.js'))).status).toBe(403);
  });

  it('refuses a raw ../ path itself, without relying on URL parsing to have removed it', async () => {
    const { rendererDir } = await rendererBuild();

    expect(resolveRendererPath(rendererDir, '/../secret.txt')).toEqual({ kind: 'forbidden' });
    expect(resolveRendererPath(rendererDir, '/assets/./../../secret.txt')).toEqual({ kind: 'forbidden' });
    // Chromium removes plain dot segments, so one that arrives was crafted: refused even inside the build.
    expect(resolveRendererPath(rendererDir, '/assets/../index.html')).toEqual({ kind: 'forbidden' });
    expect(resolveRendererPath(rendererDir, '/%E0%A4%A')).toEqual({ kind: 'bad-request' });
    expect(resolveRendererPath(rendererDir, '/assets/app.js')).toEqual({
      kind: 'file',
      path: join(rendererDir, 'assets', 'app.js'),
      spaFallback: false,
    });
  });

  it('serves nothing for another host of the scheme, and nothing but GET and HEAD', async () => {
    const { serve } = await rendererBuild();

    expect((await serve(get('app://other/index.html'))).status).toBe(404);
    expect((await serve(get('app://shuttle/index.html', 'POST'))).status).toBe(405);
    const head = await serve(get('app://shuttle/index.html', 'HEAD'));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
