import { emptyRequest, type BodyMode, type HttpRequestSpec } from '../../../../shared/model/request.ts';

/** A header row as edited in the UI; the id is only for React and never leaves the renderer. */
export interface HeaderRow {
  id: string;
  name: string;
  value: string;
  enabled: boolean;
}

/** The request a tab is editing. */
export interface RequestDraft {
  method: string;
  url: string;
  headers: HeaderRow[];
  body: { mode: BodyMode; text: string };
}

let nextRowId = 0;
export function newRowId(): string {
  nextRowId += 1;
  return `row-${nextRowId}`;
}

export function draftFromSpec(spec: HttpRequestSpec = emptyRequest()): RequestDraft {
  return {
    method: spec.method,
    url: spec.url,
    headers: spec.headers.map((header) => ({ id: newRowId(), ...header })),
    body: { ...spec.body },
  };
}

/** What goes to the engine: rows without ids, blank rows dropped. */
export function specFromDraft(draft: RequestDraft): HttpRequestSpec {
  return {
    method: draft.method,
    url: draft.url,
    headers: draft.headers
      .filter((row) => row.name.trim() !== '' || row.value !== '')
      .map(({ name, value, enabled }) => ({ name, value, enabled })),
    body: { ...draft.body },
  };
}
