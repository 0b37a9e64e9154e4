import type { HttpResponseMeta } from '../../../../shared/model/response.ts';
import type { ApiClient } from '../../api/api-client.ts';
import { headerValue } from './body-kind.ts';
import { readBodyBytes } from './useResponseBody.ts';

const EXTENSIONS: Record<string, string> = {
  'application/json': 'json',
  'text/html': 'html',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'text/plain': 'txt',
  'text/css': 'css',
  'text/javascript': 'js',
  'application/javascript': 'js',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'application/pdf': 'pdf',
};

/** A file name for the body: the URL's last path segment, or "response" with an extension from its type. */
export function suggestedFileName(response: HttpResponseMeta): string {
  const type = (headerValue(response, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  let last = '';
  try {
    last = decodeURIComponent(new URL(response.url).pathname.split('/').pop() ?? '');
  } catch {
    last = '';
  }
  if (/^[\w.-]+\.[A-Za-z0-9]{1,8}$/.test(last)) return last;
  return `${last && /^[\w.-]+$/.test(last) ? last : 'response'}.${EXTENSIONS[type] ?? 'bin'}`;
}

/**
 * Saves the exact bytes received (never re-encoded text) as a download: the browser asks where,
 * and so does Electron, which shows its native save dialog for downloads.
 */
export async function saveBody(api: ApiClient, response: HttpResponseMeta): Promise<string | undefined> {
  const result = await readBodyBytes(api, response.bodyId, response.bodySize);
  if (!result.ok) return result.error.message;
  const url = URL.createObjectURL(new Blob([result.bytes as BlobPart], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedFileName(response);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return undefined;
}
