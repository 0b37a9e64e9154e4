import { parseTemplate } from '../../../../shared/vars/template.ts';
import type { MessageKey } from '../../i18n/en.ts';
import type { VariableLookup } from './VariablesContext.tsx';

/**
 * The text work behind `{{variable}}` editing, shared by one-line fields (VariableField) and the
 * code editor (variable-code-extension.ts), so both complete and describe a variable the same way.
 */

/** A `{{` and the part of a name typed after it, right before the caret. */
const OPEN_REFERENCE = /\{\{\s*([A-Za-z0-9_.$-]*)$/;
/** What is left of a reference after the caret when a name is picked: the rest of the name, and its closing braces. */
const REFERENCE_TAIL = /^[A-Za-z0-9_.$-]*\s*(\}\})?/;

export const MAX_SUGGESTIONS = 8;

export interface OpenReference {
  /** Where the `{{` starts. */
  start: number;
  /** The name typed so far. */
  prefix: string;
}

/** The reference being typed at the caret, if any. */
export function openReferenceAt(text: string, caret: number): OpenReference | undefined {
  const match = OPEN_REFERENCE.exec(text.slice(0, caret));
  return match ? { start: caret - match[0].length, prefix: match[1]! } : undefined;
}

/** Names that start with the prefix (ignoring case), in the order given, at most `limit`. */
export function matchingNames(names: readonly string[], prefix: string, limit = MAX_SUGGESTIONS): string[] {
  const lower = prefix.toLowerCase();
  const found: string[] = [];
  for (const name of names) {
    if (!name.toLowerCase().startsWith(lower)) continue;
    found.push(name);
    if (found.length === limit) break;
  }
  return found;
}

/** The edit that completes the reference at `start` with `name`: a partly typed name and its braces after the caret are replaced too. */
export function completeReference(text: string, start: number, caret: number, name: string): { from: number; to: number; insert: string } {
  const tail = REFERENCE_TAIL.exec(text.slice(caret))![0];
  return { from: start, to: caret + tail.length, insert: `{{${name}}}` };
}

/**
 * Whether a masked field may show its text: it holds only references (and maybe one being typed at
 * the end). `{{token}}` names a secret, it is not one, and hiding it would hide the variable too.
 */
export function onlyReferences(text: string): boolean {
  if (text.trim() === '') return false;
  const open = openReferenceAt(text, text.length);
  const complete = open ? text.slice(0, open.start) : text;
  return parseTemplate(complete).every((part) => part.kind === 'variable' || part.text.trim() === '');
}

/** What the hover card says about a variable: its value (masked when secret) and its scope. */
export interface VariableDescription {
  value: string;
  unresolved: boolean;
  scope?: string;
}

export function describeVariable(lookup: VariableLookup, t: (key: MessageKey) => string): VariableDescription {
  switch (lookup.kind) {
    case 'defined': {
      const { variable } = lookup;
      const value = variable.secret ? t('vars.secretValue') : variable.value === '' ? t('vars.emptyValue') : variable.value;
      const scope = t(`vars.scope.${variable.scope}`);
      return { value, unresolved: false, scope: variable.source ? `${scope} · ${variable.source}` : scope };
    }
    case 'dynamic':
      return { value: t('vars.dynamic'), unresolved: false, scope: t('vars.scope.dynamic') };
    case 'unresolved':
      return { value: t('vars.unresolved'), unresolved: true };
  }
}
