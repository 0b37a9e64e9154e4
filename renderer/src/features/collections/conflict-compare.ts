import type { SavedRequest } from '../../../../shared/model/workspace.ts';

/**
 * The fields of a request (url, headers, body…) whose values differ between the version on disk and
 * the draft, in the order the request has them. Both sides must be normalised the same way (as the
 * tabs do for their dirty check), so only real edits count.
 */
export function differingFields(onDisk: SavedRequest, draft: SavedRequest): string[] {
  if (onDisk.kind !== draft.kind) return ['kind'];
  const left = onDisk.spec as Record<string, unknown>;
  const right = draft.spec as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return fields.filter((field) => JSON.stringify(left[field]) !== JSON.stringify(right[field]));
}
