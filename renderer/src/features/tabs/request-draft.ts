import { paramsFromUrl, urlWithParams } from '../../../../shared/http/url-params.ts';
import { isDefinableName } from '../../../../shared/vars/template.ts';
import {
  emptyRequest,
  type AuthSpec,
  type HttpRequestSpec,
  type KeyValueEntry,
  type MultipartPart,
  type RequestBody,
  type RequestSettings,
  type RequestVariable,
} from '../../../../shared/model/request.ts';

/** A name/value row as edited in the UI; the id is only for React and never leaves the renderer. */
export interface HeaderRow extends KeyValueEntry {
  id: string;
}

export interface PartRow extends MultipartPart {
  id: string;
}

/** The request a tab is editing: the spec, with ids on table rows and the disabled query rows kept. */
export interface RequestDraft {
  method: string;
  /** Always carries exactly the enabled query rows. */
  url: string;
  /** Query rows, disabled ones included (they are not in the URL). */
  params: HeaderRow[];
  pathParams: { name: string; value: string }[];
  headers: HeaderRow[];
  body: Omit<RequestBody, 'form' | 'multipart'> & { form: HeaderRow[]; multipart: PartRow[] };
  auth: AuthSpec;
  settings: RequestSettings;
  /** Request-scope variables (name, value, enabled), saved with the request. */
  variables: HeaderRow[];
}

let nextRowId = 0;
export function newRowId(): string {
  nextRowId += 1;
  return `row-${nextRowId}`;
}

const withId = <T extends object>(row: T): T & { id: string } => ({ id: newRowId(), ...row });
const withoutId = <T extends { id: string }>({ id: _id, ...rest }: T): Omit<T, 'id'> => rest;
const isBlank = (row: KeyValueEntry) => row.name.trim() === '' && row.value === '';

export function draftFromSpec(spec: HttpRequestSpec = emptyRequest()): RequestDraft {
  const { form, multipart, ...body } = spec.body;
  return {
    method: spec.method,
    url: spec.url,
    params: paramsFromUrl(spec.url).map(withId),
    pathParams: spec.pathParams ?? [],
    headers: spec.headers.map(withId),
    body: { ...body, form: (form ?? []).map(withId), multipart: (multipart ?? []).map(withId) },
    auth: spec.auth ?? { type: 'none' },
    settings: spec.settings ?? {},
    variables: (spec.variables ?? []).map(withId),
  };
}

/** What goes to the engine: rows without ids, blank rows dropped, empty optional parts left out. */
export function specFromDraft(draft: RequestDraft): HttpRequestSpec {
  const { form, multipart, ...body } = draft.body;
  const spec: HttpRequestSpec = {
    method: draft.method,
    url: draft.url,
    headers: draft.headers.filter((row) => !isBlank(row)).map(withoutId),
    body: { ...body },
  };
  if (form.length > 0) spec.body.form = form.filter((row) => !isBlank(row)).map(withoutId);
  if (multipart.length > 0) spec.body.multipart = multipart.filter((part) => part.name !== '' || part.value !== '' || part.file).map(withoutId);
  if (draft.pathParams.length > 0) spec.pathParams = draft.pathParams;
  if (draft.auth.type !== 'none') spec.auth = draft.auth;
  if (Object.keys(draft.settings).length > 0) spec.settings = draft.settings;
  const variables = requestVariablesOf(draft.variables);
  if (variables.length > 0) spec.variables = variables;
  return spec;
}

/**
 * The request scope a draft's rows define: rows with a valid name (trimmed); blank rows and names
 * that could never be referenced are left out (the Variables tab points the latter out).
 */
export function requestVariablesOf(rows: readonly HeaderRow[]): RequestVariable[] {
  const variables: RequestVariable[] = [];
  for (const row of rows) {
    const name = row.name.trim();
    if (isDefinableName(name)) variables.push({ name, value: row.value, enabled: row.enabled });
  }
  return variables;
}

/** Typing in the URL re-reads its query; disabled rows (not in the URL) stay listed after it. */
export function withUrl(draft: RequestDraft, url: string): RequestDraft {
  const enabled = paramsFromUrl(url);
  const previous = draft.params.filter((row) => row.enabled);
  // Reuse row ids position by position so the table does not re-mount (and lose focus) while typing.
  const params = enabled.map((row, index) => ({ ...row, id: previous[index]?.id ?? newRowId() }));
  return { ...draft, url, params: [...params, ...draft.params.filter((row) => !row.enabled)] };
}

/** Editing the params table rewrites the URL's query from the enabled rows. */
export function withParams(draft: RequestDraft, params: HeaderRow[]): RequestDraft {
  return { ...draft, params, url: urlWithParams(draft.url, params) };
}
