import type { BodyMode } from '../model/request.ts';

/** The Content-Type the engine adds for a body mode when the user did not set one. */
export function contentTypeForBodyMode(mode: BodyMode): string | undefined {
  switch (mode) {
    case 'json':
      return 'application/json';
    case 'text':
      return 'text/plain; charset=utf-8';
    case 'none':
      return undefined;
  }
}
