import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ScopedVariableView } from '../../../../shared/model/workspace.ts';
import { DYNAMIC_VARIABLES } from '../../../../shared/vars/dynamic-variables.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useWorkspace } from '../collections/WorkspaceContext.tsx';
import { requestVariablesOf } from '../tabs/request-draft.ts';
import { sendContextOf } from '../tabs/saved-tabs.ts';
import { useTabs } from '../tabs/TabsContext.tsx';

/** What a `{{name}}` in the active tab would become, for highlighting and hover. */
export type VariableLookup =
  | { kind: 'defined'; variable: ScopedVariableView }
  | { kind: 'dynamic' }
  | { kind: 'unresolved' };

interface VariablesApi {
  lookup(name: string): VariableLookup;
  /** Every name offered after `{{`: defined variables first, then dynamic ones. */
  names: string[];
}

const VariablesContext = createContext<VariablesApi>({ lookup: () => ({ kind: 'unresolved' }), names: [] });

/**
 * The variables visible from the active tab (its collection, selected environment, folders,
 * request), as the engine resolves them; fetched again when the tab, the environment, any file or
 * the tab's own variables change. Secret values never come here: only that they are defined.
 */
export function VariablesProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { activeTab } = useTabs();
  const { version } = useWorkspace();
  const [variables, setVariables] = useState<ScopedVariableView[]>([]);
  const requestPath = activeTab.saved?.path;
  // An HTTP tab's request scope is its draft's (edits apply before a save); a row array is replaced only when edited.
  const variableRows = activeTab.kind === 'http' ? activeTab.draft.variables : undefined;

  useEffect(() => {
    let cancelled = false;
    const context = requestPath ? sendContextOf(activeTab) : undefined;
    const requestVariables = variableRows ? requestVariablesOf(variableRows) : undefined;
    void api.call('variables.list', { context, requestVariables }).then((result) => {
      if (!cancelled) setVariables(result.ok ? result.value : []);
    });
    return () => {
      cancelled = true;
    };
    // The context depends on the saved path only; other edits to the draft do not change which variables exist.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, requestPath, variableRows, version]);

  const value = useMemo<VariablesApi>(() => {
    const byName = new Map(variables.map((variable) => [variable.name, variable]));
    return {
      lookup: (name) => {
        const variable = byName.get(name);
        if (variable) return { kind: 'defined', variable };
        return DYNAMIC_VARIABLES.has(name) ? { kind: 'dynamic' } : { kind: 'unresolved' };
      },
      names: [...byName.keys(), ...DYNAMIC_VARIABLES.keys()],
    };
  }, [variables]);
  return <VariablesContext.Provider value={value}>{children}</VariablesContext.Provider>;
}

export function useVariables(): VariablesApi {
  return useContext(VariablesContext);
}
