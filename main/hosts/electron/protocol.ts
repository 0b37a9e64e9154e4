import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../content-security-policy.ts';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Where a URL path points inside the renderer build, or why it may not be served. */
export type RendererPath = { kind: 'file'; path: string; spaFallback: boolean } | { kind: 'forbidden' } | { kind: 'bad-request' };

/**
 * Maps a raw (still percent-encoded) URL path to a file of the renderer build. Anything that could
 * leave the build folder is refused outright instead of being normalised away: `..` or `.`
 * segments, encoded slashes or backslashes, NUL. Chromium already resolves plain `../`, so a
 * request that still carries one was crafted.
 */
export function resolveRendererPath(rendererDir: string, rawPath: string): RendererPath {
  if (/%(2f|5c|00)/i.test(rawPath)) return { kind: 'forbidden' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'bad-request' };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { kind: 'forbidden' };
  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment === '..' || segment === '.')) return { kind: 'forbidden' };

  const root = resolve(rendererDir);
  const relative = decoded === '/' ? 'index.html' : segments.join(sep);
  const path = resolve(root, relative);
  // Belt and braces: whatever the checks above missed must still land inside the build folder.
  if (!path.startsWith(root + sep)) return { kind: 'forbidden' };
  return { kind: 'file', path, spaFallback: extname(decoded) === '' };
}

/**
 * The `app://` protocol handler: serves the renderer build with the app's CSP. Unknown paths
 * without an extension get index.html (client-side routes); unknown files get 404.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  const headers = {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
  const refuse = (status: number, text: string) =>
    new Response(text, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400, 'bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404, 'not found');

    const target = resolveRendererPath(root, url.pathname);
    if (target.kind === 'forbidden') return refuse(403, 'forbidden');
    if (target.kind === 'bad-request') return refuse(400, 'bad request');

    let path = target.path;
    let body = await readIfFile(path);
    if (!body && target.spaFallback) {
      path = join(root, 'index.html');
      body = await readIfFile(path);
    }
    if (!body) return refuse(404, 'not found');
    const contentType = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...headers, 'Content-Type': contentType },
    });
  };
}

async function readIfFile(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    // Missing file or a directory: both mean "nothing to serve here".
    return undefined;
  }
}
