import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { AlertTriangle, Copy, FilePlus2, FolderPlus, FolderSearch, Library, Pencil, Search, Settings2, Trash2 } from 'lucide-react';
import type { WorkspaceNode } from '../../../../shared/model/workspace.ts';
import { filterTree } from '../../../../shared/workspace/tree-filter.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { Button, IconButton } from '../../components/Button.tsx';
import { Menu, type MenuItem } from '../../components/Menu.tsx';
import { errorSentence, useI18n } from '../../i18n/I18nProvider.tsx';
import { useTabs } from '../tabs/TabsContext.tsx';
import { CollectionSettingsDialog } from './CollectionSettingsDialog.tsx';
import { NameDialog } from './NameDialog.tsx';
import { TreeItem, type TreeItemHandlers } from './TreeItem.tsx';
import { visibleRows } from './tree-rows.ts';
import { useTreeActions } from './useTreeActions.ts';
import { useWorkspace } from './WorkspaceContext.tsx';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.tsx';

const ROW_HEIGHT = 28;

type Prompt =
  | { kind: 'collection' }
  | { kind: 'folder'; parent: WorkspaceNode }
  | { kind: 'request'; parent: WorkspaceNode }
  | { kind: 'rename'; node: WorkspaceNode };

/** The Collections section of the sidebar: the workspace's tree, filtered, virtualised for big workspaces. */
export function CollectionsPanel() {
  const { t } = useI18n();
  const { capabilities } = useApi();
  const { tree, loadError } = useWorkspace();
  const { activeTab } = useTabs();
  const actions = useTreeActions();
  const [query, setQuery] = useState('');
  // Typing stays responsive on a 5,000-request tree: the filter runs at lower priority.
  const deferredQuery = useDeferredValue(query);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [prompt, setPrompt] = useState<Prompt>();
  const [menu, setMenu] = useState<{ node: WorkspaceNode; at: { x: number; y: number } }>();
  const [settingsFor, setSettingsFor] = useState<WorkspaceNode>();
  const [showProblems, setShowProblems] = useState(false);
  const [dropTarget, setDropTarget] = useState<string>();
  const dragged = useRef<WorkspaceNode | undefined>(undefined);
  const scrollRef = useRef<HTMLDivElement>(null);

  const filtered = useMemo(() => filterTree(tree?.collections ?? [], deferredQuery), [tree, deferredQuery]);
  const filtering = deferredQuery.trim() !== '';
  const rows = useMemo(
    () => visibleRows(filtered.nodes, (path) => (filtering ? filtered.expanded.has(path) || expanded.has(path) : expanded.has(path))),
    [filtered, filtering, expanded],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design; rows re-render on every scroll anyway
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  const toggle = useCallback((node: WorkspaceNode, expand?: boolean) => {
    setExpanded((current) => {
      const next = new Set(current);
      const open = expand ?? !next.has(node.path);
      if (open) next.add(node.path);
      else next.delete(node.path);
      return next;
    });
  }, []);
  const expand = useCallback((path: string) => setExpanded((current) => new Set([...current, path])), []);

  const handlers = useMemo<TreeItemHandlers>(
    () => ({
      onActivate: (node) => (node.kind === 'request' ? void actions.openRequest(node.path) : toggle(node)),
      onToggle: toggle,
      onNewRequest: (node) => setPrompt({ kind: 'request', parent: node }),
      onNewFolder: (node) => setPrompt({ kind: 'folder', parent: node }),
      onMenu: (node, at) => setMenu({ node, at }),
      onDragStart: (node) => {
        dragged.current = node;
      },
      canDrop: (target) => {
        const source = dragged.current;
        if (!source || target.path === source.path || target.path.startsWith(`${source.path}/`)) return false;
        return source.path.slice(0, source.path.lastIndexOf('/')) !== target.path;
      },
      onDrop: (target) => {
        const source = dragged.current;
        dragged.current = undefined;
        if (!source) return;
        expand(target.path);
        void actions.move(source.path, target.path);
      },
    }),
    [actions, toggle, expand],
  );

  const menuItems = (node: WorkspaceNode): MenuItem[] => {
    const container = node.kind !== 'request';
    return [
      ...(container
        ? [
            { key: 'request', label: t('workspace.newRequest'), icon: <FilePlus2 size={14} />, testId: 'menu-new-request', onSelect: () => setPrompt({ kind: 'request', parent: node }) },
            { key: 'folder', label: t('workspace.newFolder'), icon: <FolderPlus size={14} />, testId: 'menu-new-folder', onSelect: () => setPrompt({ kind: 'folder', parent: node }) },
            { key: 'settings', label: t('workspace.settings'), icon: <Settings2 size={14} />, testId: 'menu-settings', onSelect: () => setSettingsFor(node) },
          ]
        : []),
      { key: 'rename', label: t('workspace.rename'), icon: <Pencil size={14} />, testId: 'menu-rename', onSelect: () => setPrompt({ kind: 'rename', node }) },
      { key: 'duplicate', label: t('workspace.duplicate'), icon: <Copy size={14} />, testId: 'menu-duplicate', onSelect: () => void actions.duplicate(node) },
      ...(capabilities.canRevealFiles
        ? [{ key: 'reveal', label: t('workspace.reveal'), icon: <FolderSearch size={14} />, testId: 'menu-reveal', onSelect: () => void actions.reveal(node) }]
        : []),
      { key: 'delete', label: t('workspace.delete'), icon: <Trash2 size={14} />, danger: true, testId: 'menu-delete', onSelect: () => void actions.remove(node) },
    ];
  };

  const activePath = activeTab.saved?.path;
  const problems = tree?.problems ?? [];

  return (
    <div className="collections-panel">
      <WorkspaceSwitcher />
      <div className="tree-toolbar">
        <label className="tree-filter">
          <Search size={14} aria-hidden />
          <input
            data-testid="tree-filter"
            placeholder={t('workspace.filter')}
            aria-label={t('workspace.filter')}
            value={query}
            spellCheck={false}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setQuery('');
            }}
          />
        </label>
        <IconButton label={t('workspace.newCollection')} data-testid="new-collection" onClick={() => setPrompt({ kind: 'collection' })}>
          <Library size={16} />
        </IconButton>
      </div>

      {loadError ? (
        <p className="field-problem">{errorSentence(t, loadError)}</p>
      ) : tree && tree.collections.length === 0 ? (
        <div className="tree-empty">
          <p>{t('workspace.empty')}</p>
          <Button variant="secondary" size="sm" onClick={() => setPrompt({ kind: 'collection' })}>
            <Library size={14} aria-hidden /> {t('workspace.newCollection')}
          </Button>
        </div>
      ) : filtering && rows.length === 0 ? (
        <p className="sidebar-empty tree-no-match">{t('workspace.noMatch', { query: deferredQuery })}</p>
      ) : null}

      <div className="tree-scroll" ref={scrollRef}>
        <div role="tree" aria-label={t('workspace.collections')} data-testid="collection-tree" className="tree" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <TreeItem
                key={row.node.path}
                row={row}
                index={item.index}
                active={row.node.path === activePath}
                dropTarget={dropTarget === row.node.path}
                onDragOverChange={setDropTarget}
                handlers={handlers}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              />
            );
          })}
        </div>
      </div>

      {problems.length > 0 ? (
        <div className="tree-problems" data-testid="workspace-problems">
          <button type="button" className="tree-problems-toggle" aria-expanded={showProblems} onClick={() => setShowProblems((value) => !value)}>
            <AlertTriangle size={14} aria-hidden /> {t('workspace.problems', { count: problems.length })}
          </button>
          {showProblems ? (
            <ul>
              {problems.map((problem) => (
                <li key={problem.path} data-testid="workspace-problem" title={problem.message}>
                  <span className="problem-path">{problem.path}</span>
                  <span className="problem-reason">{t(`workspace.problem.${problem.reason}`)}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {menu ? <Menu items={menuItems(menu.node)} at={menu.at} label={menu.node.name} onClose={() => setMenu(undefined)} /> : null}
      {prompt ? <PromptDialog prompt={prompt} onClose={() => setPrompt(undefined)} onCreatedIn={expand} /> : null}
      {settingsFor ? <CollectionSettingsDialog node={settingsFor} onClose={() => setSettingsFor(undefined)} /> : null}
    </div>
  );
}

function PromptDialog({ prompt, onClose, onCreatedIn }: { prompt: Prompt; onClose: () => void; onCreatedIn: (path: string) => void }) {
  const { t } = useI18n();
  const actions = useTreeActions();
  switch (prompt.kind) {
    case 'collection':
      return <NameDialog title={t('workspace.newCollection')} confirmLabel={t('workspace.create')} onClose={onClose} onSubmit={actions.createCollection} />;
    case 'folder':
      return (
        <NameDialog
          title={t('workspace.newFolderIn', { name: prompt.parent.name })}
          confirmLabel={t('workspace.create')}
          onClose={onClose}
          onSubmit={async (name) => {
            onCreatedIn(prompt.parent.path);
            return actions.createFolder(prompt.parent.path, name);
          }}
        />
      );
    case 'request':
      return (
        <NameDialog
          title={t('workspace.newRequestIn', { name: prompt.parent.name })}
          confirmLabel={t('workspace.create')}
          onClose={onClose}
          onSubmit={async (name) => {
            onCreatedIn(prompt.parent.path);
            return actions.createRequest(prompt.parent.path, name);
          }}
        />
      );
    case 'rename':
      return (
        <NameDialog
          title={t('workspace.renameItem', { name: prompt.node.name })}
          initial={prompt.node.name}
          confirmLabel={t('workspace.rename')}
          onClose={onClose}
          onSubmit={(name) => actions.rename(prompt.node, name)}
        />
      );
  }
}
