/**
 * `{{name}}` references in text. Only a plain name is a reference: anything else between the braces
 * (`{{constructor.constructor('x')()}}`, `{{a b}}`) stays literal text, because a template is data,
 * never code, and nothing in it is ever evaluated.
 */

/** Letters, digits, `_`, `.` and `-`, starting with a letter or `_`; a leading `$` marks a dynamic variable. */
export const VARIABLE_NAME = /^\$?[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Whether a person can define a variable of this name: any reference name except the dynamic (`$`) ones. */
export function isDefinableName(name: string): boolean {
  return VARIABLE_NAME.test(name) && !name.startsWith('$');
}

const REFERENCE = /\{\{\s*([^{}]*?)\s*\}\}/g;

export type TemplatePart =
  | { kind: 'text'; text: string; start: number; end: number }
  | { kind: 'variable'; name: string; text: string; start: number; end: number };

/** Texts parsed lately: a send resolves the same few (a URL, its headers) every time. Parts are never changed. */
const parsed = new Map<string, readonly TemplatePart[]>();
const MAX_PARSED = 500;

/** Splits text into literal runs and variable references, with offsets into the original text. */
export function parseTemplate(text: string): readonly TemplatePart[] {
  const known = parsed.get(text);
  if (known) return known;
  const parts = splitTemplate(text);
  // Long texts (a body) are rarely sent twice unchanged and would hold memory: only short ones are kept.
  if (text.length <= 2048) {
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(text, parts);
  }
  return parts;
}

function splitTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of text.matchAll(REFERENCE)) {
    const name = match[1] ?? '';
    if (!VARIABLE_NAME.test(name)) continue;
    const start = match.index;
    const end = start + match[0].length;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start), start: last, end: start });
    parts.push({ kind: 'variable', name, text: match[0], start, end });
    last = end;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last), start: last, end: text.length });
  return parts;
}

/** Whether the text holds at least one reference (a cheap check before resolving). */
export function hasReferences(text: string): boolean {
  return text.includes('{{') && parseTemplate(text).some((part) => part.kind === 'variable');
}

/**
 * Whether the text is made of references alone (spaces aside): `{{certPassphrase}}` names a secret,
 * it is not one, so it may be shown and stored as written.
 */
export function isOnlyReferences(text: string): boolean {
  return text.trim() !== '' && parseTemplate(text).every((part) => part.kind === 'variable' || part.text.trim() === '');
}

/** The names referenced in the text, each once, in order of first use. */
export function referencedNames(text: string): string[] {
  const names = new Set<string>();
  for (const part of parseTemplate(text)) if (part.kind === 'variable') names.add(part.name);
  return [...names];
}
