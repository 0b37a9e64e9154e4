/** Variable scopes, lowest precedence first: a later scope's value wins over an earlier one's. */
export const VARIABLE_SCOPES = ['global', 'collection', 'environment', 'folder', 'request', 'runtime'] as const;
export type VariableScope = (typeof VARIABLE_SCOPES)[number];
const SCOPE_RANK = Object.fromEntries(VARIABLE_SCOPES.map((scope, rank) => [scope, rank])) as Record<VariableScope, number>;

export interface ScopedValue {
  value: string;
  scope: VariableScope;
  secret: boolean;
  /** Which collection, environment or folder of that scope it comes from, when there can be several. */
  source?: string;
}

export interface LayerVariable {
  name: string;
  value: string;
  enabled?: boolean;
  secret?: boolean;
}

export interface VariableLayer {
  scope: VariableScope;
  variables: readonly LayerVariable[];
  /** The collection's, environment's or folder's name (see ScopedValue.source). */
  source?: string;
}

/**
 * Merges layers into one lookup, highest precedence winning. Layers are ordered by scope whatever
 * order they come in; folder layers keep their given order (outermost first, so the innermost wins).
 * A Map, not an object: a variable named `constructor` or `__proto__` is just a name.
 */
export function mergeVariableLayers(layers: readonly VariableLayer[]): Map<string, ScopedValue> {
  // A send's layers come in order already; sorting (stable, so folders keep theirs) is for other callers.
  const inOrder = layers.every((layer, index) => index === 0 || SCOPE_RANK[layers[index - 1]!.scope] <= SCOPE_RANK[layer.scope]);
  const ordered = inOrder ? layers : [...layers].sort((a, b) => SCOPE_RANK[a.scope] - SCOPE_RANK[b.scope]);
  const merged = new Map<string, ScopedValue>();
  for (const layer of ordered) {
    for (const variable of layer.variables) {
      if (variable.enabled === false) continue;
      merged.set(variable.name, { value: variable.value, scope: layer.scope, secret: variable.secret === true, ...(layer.source ? { source: layer.source } : {}) });
    }
  }
  return merged;
}
