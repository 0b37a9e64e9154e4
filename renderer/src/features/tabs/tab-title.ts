import type { RequestDraft } from './request-draft.ts';

/** A tab's title from its URL: the path people recognise ("/api/users"), or the host for "/"; none when empty. */
export function tabTitle(draft: Pick<RequestDraft, 'url'>): string | undefined {
  const url = draft.url.trim();
  if (url === '') return undefined;
  const withoutScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = withoutScheme.indexOf('/');
  if (slash === -1) return withoutScheme;
  const path = withoutScheme.slice(slash).split('?')[0]!;
  return path === '/' ? withoutScheme.slice(0, slash) : path;
}
