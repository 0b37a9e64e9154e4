import { DYNAMIC_VARIABLES, type DynamicSource } from './dynamic-variables.ts';
import { parseTemplate } from './template.ts';
import type { ScopedValue } from './variable-scopes.ts';

/** A variable's value may itself hold references; deeper than this is almost surely a mistake. */
const MAX_DEPTH = 8;

export interface ResolveOptions {
  variables: ReadonlyMap<string, ScopedValue>;
  /** Without it, `{{$uuid}}` and friends stay unresolved (the UI's preview, which must not invent values). */
  dynamic?: DynamicSource;
}

export interface TemplateResolution {
  text: string;
  /** Names referenced but not defined (or defined in a cycle), each once. */
  unresolved: string[];
  /** Whether a secret value went into the text (so it must not be logged or kept as is). */
  usedSecret: boolean;
}

/**
 * Replaces `{{name}}` references with their values. Pure string substitution: an unresolved reference
 * stays as written, a value is inserted as plain text, and nothing is ever evaluated.
 */
export function resolveTemplate(text: string, options: ResolveOptions): TemplateResolution {
  const unresolved = new Set<string>();
  const state = { usedSecret: false };
  const resolved = expand(text, options, unresolved, state, []);
  return { text: resolved, unresolved: [...unresolved], usedSecret: state.usedSecret };
}

function expand(text: string, options: ResolveOptions, unresolved: Set<string>, state: { usedSecret: boolean }, stack: string[]): string {
  if (!text.includes('{{')) return text;
  let out = '';
  for (const part of parseTemplate(text)) {
    if (part.kind === 'text') {
      out += part.text;
      continue;
    }
    const dynamic = options.dynamic ? DYNAMIC_VARIABLES.get(part.name) : undefined;
    const defined = options.variables.get(part.name);
    if (defined && !stack.includes(part.name) && stack.length < MAX_DEPTH) {
      if (defined.secret) state.usedSecret = true;
      out += expand(defined.value, options, unresolved, state, [...stack, part.name]);
    } else if (!defined && dynamic && options.dynamic) {
      out += dynamic(options.dynamic);
    } else {
      unresolved.add(part.name);
      out += part.text;
    }
  }
  return out;
}
