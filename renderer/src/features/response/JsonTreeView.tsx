import { useState } from 'react';
import { ChevronDown, ChevronRight, Copy } from 'lucide-react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Children shown at once under an expanded node; more on request, so a 100k-element array stays fast. */
const CHILD_PAGE = 200;

/** A collapsible JSON tree; each node can copy its path (JSONPath) or its value. */
export function JsonTreeView({ value }: { value: unknown }) {
  return (
    <div className="json-tree" data-testid="json-tree" role="tree">
      <TreeNode name="$" path="$" value={value} depth={0} />
    </div>
  );
}

function TreeNode({ name, path, value, depth }: { name: string; path: string; value: unknown; depth: number }) {
  const { t } = useI18n();
  const isContainer = value !== null && typeof value === 'object';
  const [open, setOpen] = useState(depth < 2);
  const [shown, setShown] = useState(CHILD_PAGE);
  const entries = isContainer ? (Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value as object)) : [];

  return (
    <div className="tree-node" role="treeitem" aria-expanded={isContainer ? open : undefined} data-path={path}>
      <div className="tree-row" style={{ paddingLeft: depth * 16 }}>
        {isContainer ? (
          <button type="button" className="tree-toggle" aria-label={open ? t('tree.collapse') : t('tree.expand')} onClick={() => setOpen(!open)}>
            {open ? <ChevronDown size={13} /> : <ChevronRight size={13} />}
          </button>
        ) : (
          <span className="tree-toggle" />
        )}
        <span className="tree-key">{name}</span>
        <span className="tree-colon">:</span>
        {isContainer ? (
          <span className="tree-summary">{Array.isArray(value) ? t('tree.items', { count: entries.length }) : t('tree.keys', { count: entries.length })}</span>
        ) : (
          <span className={`tree-value tree-${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</span>
        )}
        <span className="tree-actions">
          <button type="button" className="tree-action" onClick={() => void navigator.clipboard.writeText(path)}>
            {t('tree.copyPath')}
          </button>
          <button type="button" className="tree-action" onClick={() => void navigator.clipboard.writeText(JSON.stringify(value, null, 2))}>
            <Copy size={11} aria-hidden /> {t('tree.copyValue')}
          </button>
        </span>
      </div>
      {isContainer && open ? (
        <div role="group">
          {entries.slice(0, shown).map(([key, child]) => (
            <TreeNode key={key} name={key} path={childPath(path, key, Array.isArray(value))} value={child} depth={depth + 1} />
          ))}
          {entries.length > shown ? (
            <button type="button" className="tree-more" style={{ marginLeft: (depth + 1) * 16 }} onClick={() => setShown(shown + CHILD_PAGE)}>
              {t('tree.more', { count: entries.length - shown })}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function childPath(parent: string, key: string, inArray: boolean): string {
  if (inArray) return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}
