import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import type { WorkspaceTree } from '../../../../shared/model/workspace.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useTabs } from '../tabs/TabsContext.tsx';

interface WorkspaceApi {
  /** Undefined until the first load. */
  tree: WorkspaceTree | undefined;
  loadError: ShuttleError | undefined;
  reload(): Promise<void>;
  /** Bumps on every change on disk (and our own), so lists that depend on files fetch again. */
  version: number;
  /** Collection path → the environment selected for it. */
  selectedEnvironments: Record<string, string>;
  selectEnvironment(collection: string, name: string | null): Promise<void>;
}

const WorkspaceContext = createContext<WorkspaceApi | null>(null);

/**
 * The open workspace as the UI sees it: the tree, reloaded whenever files change on disk
 * (`workspace.changed`), and open tabs kept in step with their files: a clean tab reloads, a tab
 * with unsaved edits gets a conflict to resolve.
 */
export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { state, dispatch } = useTabs();
  const [tree, setTree] = useState<WorkspaceTree>();
  const [loadError, setLoadError] = useState<ShuttleError>();
  const [version, setVersion] = useState(0);
  const [selectedEnvironments, setSelected] = useState<Record<string, string>>({});
  const tabsRef = useRef(state.tabs);
  useEffect(() => {
    tabsRef.current = state.tabs;
  });

  // Reloads overlap (a save and the watcher's event for it); only the latest one's answer may land.
  const latestReload = useRef(0);
  const reload = useCallback(
    () =>
      Promise.all([api.call('workspace.tree', {}), api.call('environments.selected', {}), (latestReload.current += 1)]).then(([result, selected, call]) => {
        if (call !== latestReload.current) return;
        if (result.ok) {
          setTree(result.value);
          setLoadError(undefined);
        } else setLoadError(result.error);
        if (selected.ok) setSelected(selected.value);
        setVersion((value) => value + 1);
      }),
    [api],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Reads the files of open tabs again (those under `changed`, or all): a clean tab reloads, a dirty one gets a conflict. */
  const checkOpenTabs = useCallback(
    (changed: readonly string[] = ['']) => {
      const affected = (path: string) => changed.some((prefix) => prefix === '' || prefix === path || path.startsWith(`${prefix}/`));
      const open = new Set(tabsRef.current.flatMap((tab) => (tab.saved && affected(tab.saved.path) ? [tab.saved.path] : [])));
      for (const path of open) {
        void api.call('workspace.readRequest', { path }).then((read) => {
          if (read.ok) dispatch({ type: 'diskChanged', path, revision: read.value.revision, request: read.value.request });
          else if (read.error.code === 'NOT_FOUND') dispatch({ type: 'diskDeleted', path });
        });
      }
    },
    [api, dispatch],
  );

  useEffect(
    () =>
      api.on('workspace.changed', ({ paths }) => {
        void reload();
        checkOpenTabs(paths);
      }),
    [api, reload, checkOpenTabs],
  );

  // Another workspace was opened: tabs of the previous one now point at paths that may mean something else.
  const openedRoot = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!tree) return;
    if (openedRoot.current !== undefined && openedRoot.current !== tree.root) checkOpenTabs();
    openedRoot.current = tree.root;
  }, [tree, checkOpenTabs]);

  const selectEnvironment = useCallback(
    async (collection: string, name: string | null) => {
      setSelected((current) => {
        const next = { ...current };
        if (name === null) delete next[collection];
        else next[collection] = name;
        return next;
      });
      await api.call('environments.select', { collection, name });
      setVersion((value) => value + 1);
    },
    [api],
  );

  const value = useMemo<WorkspaceApi>(
    () => ({ tree, loadError, reload, version, selectedEnvironments, selectEnvironment }),
    [tree, loadError, reload, version, selectedEnvironments, selectEnvironment],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceApi {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace() needs a <WorkspaceProvider> above it');
  return workspace;
}
