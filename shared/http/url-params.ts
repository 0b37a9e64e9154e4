import type { KeyValueEntry } from '../model/request.ts';

/**
 * The query string as a table and back, the way people edit it: each row is the raw text between
 * `&`s, so order, duplicates and existing %-escapes survive a round trip untouched. Only the
 * characters that would change the URL's structure are escaped when a row is written back.
 */
export interface SplitUrl {
  /** Everything before `?` (scheme, host, path). */
  base: string;
  query: string | undefined;
  /** `#fragment`, kept as typed. */
  hash: string;
}

export function splitUrl(url: string): SplitUrl {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  return queryAt === -1
    ? { base: beforeHash, query: undefined, hash }
    : { base: beforeHash.slice(0, queryAt), query: beforeHash.slice(queryAt + 1), hash };
}

/** Query rows of a URL, in order; a bare `flag` (no `=`) is a row with an empty value. */
export function paramsFromUrl(url: string): KeyValueEntry[] {
  const { query } = splitUrl(url);
  if (query === undefined || query === '') return [];
  return query.split('&').map((pair) => {
    const equals = pair.indexOf('=');
    return equals === -1
      ? { name: pair, value: '', enabled: true }
      : { name: pair.slice(0, equals), value: pair.slice(equals + 1), enabled: true };
  });
}

/** The URL with its query replaced by the enabled rows. */
export function urlWithParams(url: string, params: readonly KeyValueEntry[]): string {
  const { base, hash } = splitUrl(url);
  const pairs = params
    .filter((param) => param.enabled && (param.name !== '' || param.value !== ''))
    // Like Postman: a row without a value is a bare flag (`?verbose`).
    .map((param) => (param.value === '' ? escapeName(param.name) : `${escapeName(param.name)}=${escapeValue(param.value)}`));
  return pairs.length === 0 ? base + hash : `${base}?${pairs.join('&')}${hash}`;
}

// `&` ends a pair and `#` starts the fragment anywhere in the query; `=` also ends a name.
function escapeValue(text: string): string {
  return text.replace(/[&#]/g, (char) => (char === '&' ? '%26' : '%23'));
}

function escapeName(text: string): string {
  return escapeValue(text).replace(/=/g, '%3D');
}

/** `:name` segments of the URL's path, in order, without duplicates (e.g. /users/:id/posts/:postId). */
export function pathParamNames(url: string): string[] {
  const { base } = splitUrl(url);
  const afterScheme = base.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const names: string[] = [];
  for (const segment of afterScheme.split('/')) {
    const match = /^:([A-Za-z_][\w-]*)$/.exec(segment);
    if (match && !names.includes(match[1]!)) names.push(match[1]!);
  }
  return names;
}
