/** A `:name` path segment, named as the params table names it (url-params.ts). */
const PATH_PARAM = /^:([A-Za-z_][\w-]*)$/;

/**
 * Replaces whole `:name` segments of a path with their values, percent-encoded so a value can
 * never add a segment ("a/b"), a query ("?") or a fragment. A segment without a value entry stays
 * as typed; "/a:b" or "/:id.json" are not parameters.
 */
export function substitutePathParams(pathname: string, params: readonly { name: string; value: string }[]): string {
  const values = new Map(params.map((param) => [param.name, param.value]));
  return pathname
    .split('/')
    .map((segment) => {
      const name = PATH_PARAM.exec(segment)?.[1];
      const value = name === undefined ? undefined : values.get(name);
      return value === undefined ? segment : encodeURIComponent(value);
    })
    .join('/');
}
