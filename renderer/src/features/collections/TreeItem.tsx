import type { CSSProperties, DragEvent, KeyboardEvent, MouseEvent } from 'react';
import { Cable, ChevronRight, Ellipsis, FilePlus2, FolderClosed, FolderOpen, FolderPlus, Library } from 'lucide-react';
import type { WorkspaceNode } from '../../../../shared/model/workspace.ts';
import { IconButton } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TreeRow } from './tree-rows.ts';

/** The drag payload type: only Shuttle's own tree items can be dropped on a folder. */
export const TREE_DRAG_TYPE = 'application/x-shuttle-workspace-path';

export interface TreeItemHandlers {
  onActivate(node: WorkspaceNode): void;
  onToggle(node: WorkspaceNode, expand?: boolean): void;
  onNewRequest(node: WorkspaceNode): void;
  onNewFolder(node: WorkspaceNode): void;
  onMenu(node: WorkspaceNode, at: { x: number; y: number }): void;
  onDragStart(node: WorkspaceNode): void;
  onDrop(target: WorkspaceNode): void;
  canDrop(target: WorkspaceNode): boolean;
}

/** One row of the collection tree: a collection, folder or request, with its actions on hover. */
export function TreeItem({
  row,
  index,
  active,
  dropTarget,
  onDragOverChange,
  handlers,
  style,
}: {
  row: TreeRow;
  /** Position among the visible rows (the list is virtualised, so DOM order is not row order). */
  index: number;
  active: boolean;
  dropTarget: boolean;
  onDragOverChange: (path: string | undefined) => void;
  handlers: TreeItemHandlers;
  style: CSSProperties;
}) {
  const { t } = useI18n();
  const { node, depth, expanded } = row;
  const container = node.kind !== 'request';

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'ArrowRight' && container) handlers.onToggle(node, true);
    else if (event.key === 'ArrowLeft' && container) handlers.onToggle(node, false);
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const rows = [...(event.currentTarget.parentElement?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])];
      rows.sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
      const position = rows.indexOf(event.currentTarget);
      rows[position + (event.key === 'ArrowDown' ? 1 : -1)]?.focus();
    } else if (event.key === 'Enter' || event.key === ' ') handlers.onActivate(node);
    else if (event.key === 'F2' || (event.key === 'F10' && event.shiftKey)) {
      const box = event.currentTarget.getBoundingClientRect();
      handlers.onMenu(node, { x: box.left + 24, y: box.bottom });
    } else return;
    event.preventDefault();
  };

  const openMenu = (event: MouseEvent) => {
    event.preventDefault();
    event.stopPropagation();
    handlers.onMenu(node, { x: event.clientX, y: event.clientY });
  };

  return (
    <div
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={container ? expanded : undefined}
      aria-selected={active}
      tabIndex={0}
      className={['tree-item', active ? 'active' : '', dropTarget ? 'drop-target' : ''].filter(Boolean).join(' ')}
      style={{ ...style, paddingLeft: 6 + depth * 14 }}
      data-testid="tree-item"
      data-kind={node.kind}
      data-name={node.name}
      data-path={node.path}
      data-index={index}
      title={node.kind === 'request' ? node.url || node.name : node.name}
      draggable={node.kind !== 'collection'}
      onClick={() => handlers.onActivate(node)}
      onKeyDown={onKeyDown}
      onContextMenu={openMenu}
      onDragStart={(event: DragEvent) => {
        event.dataTransfer.setData(TREE_DRAG_TYPE, node.path);
        event.dataTransfer.effectAllowed = 'move';
        handlers.onDragStart(node);
      }}
      onDragOver={(event: DragEvent) => {
        if (!container || !event.dataTransfer.types.includes(TREE_DRAG_TYPE) || !handlers.canDrop(node)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        onDragOverChange(node.path);
      }}
      onDragLeave={() => onDragOverChange(undefined)}
      onDrop={(event: DragEvent) => {
        if (!container || !event.dataTransfer.types.includes(TREE_DRAG_TYPE)) return;
        event.preventDefault();
        onDragOverChange(undefined);
        handlers.onDrop(node);
      }}
    >
      {container ? (
        <ChevronRight size={14} className={expanded ? 'tree-chevron open' : 'tree-chevron'} aria-hidden />
      ) : (
        <span className="tree-chevron-space" aria-hidden />
      )}
      {node.kind === 'collection' ? (
        <Library size={15} className="tree-icon collection" aria-hidden />
      ) : node.kind === 'folder' ? (
        expanded ? (
          <FolderOpen size={15} className="tree-icon folder" aria-hidden />
        ) : (
          <FolderClosed size={15} className="tree-icon folder" aria-hidden />
        )
      ) : node.requestKind === 'websocket' ? (
        <span className="method-badge tree-method protocol-ws">
          <Cable size={12} aria-hidden /> WS
        </span>
      ) : (
        <span className={`method-badge tree-method method-${(node.method ?? 'GET').toLowerCase()}`}>{node.method ?? 'GET'}</span>
      )}
      <span className="tree-name">{node.name}</span>
      <span className="tree-actions">
        {container ? (
          <>
            <IconButton
              label={t('workspace.newRequest')}
              data-testid="new-request"
              tabIndex={-1}
              onClick={(event) => {
                event.stopPropagation();
                handlers.onNewRequest(node);
              }}
            >
              <FilePlus2 size={14} />
            </IconButton>
            <IconButton
              label={t('workspace.newFolder')}
              data-testid="new-folder"
              tabIndex={-1}
              onClick={(event) => {
                event.stopPropagation();
                handlers.onNewFolder(node);
              }}
            >
              <FolderPlus size={14} />
            </IconButton>
          </>
        ) : null}
        <IconButton label={t('workspace.more')} data-testid="tree-item-menu" tabIndex={-1} onClick={openMenu}>
          <Ellipsis size={14} />
        </IconButton>
      </span>
    </div>
  );
}
