import type { HttpResponseMeta } from '../../../../shared/model/response.ts';

export type BodyKind = 'sse' | 'json' | 'xml' | 'html' | 'javascript' | 'css' | 'text' | 'image' | 'pdf' | 'binary';
export type BodyViewName = 'events' | 'pretty' | 'raw' | 'hex' | 'preview' | 'tree';

export function headerValue(response: HttpResponseMeta, name: string): string | undefined {
  return response.headers.find(([candidate]) => candidate.toLowerCase() === name)?.[1];
}

/** What a body is, from its Content-Type, or from its first bytes when the type says nothing useful. */
export function bodyKind(contentType: string, sample: Uint8Array | undefined): BodyKind {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/event-stream') return 'sse';
  if (type.startsWith('image/')) return 'image';
  if (type === 'application/pdf') return 'pdf';
  if (type.includes('json')) return 'json';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type.includes('xml')) return 'xml';
  if (type.includes('javascript') || type === 'application/ecmascript') return 'javascript';
  if (type === 'text/css') return 'css';
  if (sample && sample.subarray(0, 8192).includes(0)) return 'binary';
  if (type.startsWith('text/')) return 'text';
  if (sample) {
    const start = new TextDecoder().decode(sample.subarray(0, 64)).trimStart();
    if (start.startsWith('{') || start.startsWith('[')) return 'json';
    if (/^<!doctype html|^<html/i.test(start)) return 'html';
    if (start.startsWith('<?xml')) return 'xml';
  }
  return type === '' || type === 'application/octet-stream' ? (sample ? 'text' : 'binary') : 'binary';
}

/** The views that make sense for a kind, best first. */
export function viewsFor(kind: BodyKind): BodyViewName[] {
  switch (kind) {
    case 'sse':
      return ['events', 'raw', 'hex'];
    case 'json':
      return ['pretty', 'raw', 'tree', 'hex'];
    case 'html':
      return ['pretty', 'raw', 'preview', 'hex'];
    case 'xml':
    case 'javascript':
    case 'css':
    case 'text':
      return ['pretty', 'raw', 'hex'];
    case 'image':
    case 'pdf':
      return ['preview', 'hex', 'raw'];
    case 'binary':
      return ['hex', 'raw'];
  }
}

/** The charset named by Content-Type, if the browser can decode it; UTF-8 otherwise. */
export function charsetOf(contentType: string): string {
  const match = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType);
  const label = match?.[1] ?? 'utf-8';
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return 'utf-8';
  }
}
