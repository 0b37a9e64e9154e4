import type { BodyMode } from '../model/request.ts';

/**
 * The Content-Type the engine adds for a body mode when the user did not set one. Multipart's
 * carries the boundary, so the engine sets it itself; none and binary add nothing here.
 */
export function contentTypeForBodyMode(mode: BodyMode): string | undefined {
  switch (mode) {
    case 'json':
    case 'graphql':
      return 'application/json';
    case 'text':
      return 'text/plain; charset=utf-8';
    case 'xml':
      return 'application/xml';
    case 'html':
      return 'text/html; charset=utf-8';
    case 'javascript':
      return 'text/javascript; charset=utf-8';
    case 'form-urlencoded':
      return 'application/x-www-form-urlencoded';
    case 'multipart':
      return 'multipart/form-data';
    case 'binary':
      return 'application/octet-stream';
    case 'none':
      return undefined;
  }
}
