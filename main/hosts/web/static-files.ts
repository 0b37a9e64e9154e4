import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Reads a file of the renderer build for a URL path. Anything that would leave the build folder
 * (`..`, encoded slashes, NUL) is refused; unknown paths fall back to index.html for the SPA.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded);
  const path = join(root, relative);
  if (!path.startsWith(root + sep)) return undefined;
  const file = await readIfExists(path);
  if (file) return { body: file, contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' };
  if (extname(relative) !== '') return undefined;
  const index = await readIfExists(join(root, 'index.html'));
  return index ? { body: index, contentType: CONTENT_TYPES['.html']! } : undefined;
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}
