import { useEffect, useMemo, useRef, useState } from 'react';
import { Command, CornerDownLeft } from 'lucide-react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSaveFlow } from '../collections/SaveFlow.tsx';
import { collectionOf } from '../collections/tree-rows.ts';
import { useTreeActions } from '../collections/useTreeActions.ts';
import { useWorkspace } from '../collections/WorkspaceContext.tsx';
import { NameDialog } from '../collections/NameDialog.tsx';
import { useEnvironments } from '../environments/useEnvironments.ts';
import { useTabs } from '../tabs/TabsContext.tsx';
import { rankItems, requestItems, type PaletteItem } from './palette-items.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Ctrl/Cmd+K: jump to any saved request by name, folder or URL, or run a common action. */
export function CommandPalette() {
  const { t } = useI18n();
  const tabs = useTabs();
  const { tree, selectEnvironment } = useWorkspace();
  const { save } = useSaveFlow();
  const actions = useTreeActions();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const [naming, setNaming] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const collection = tabs.activeTab.saved ? collectionOf(tabs.activeTab.saved.path) : undefined;
  const { environments } = useEnvironments(open ? collection : undefined);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(isMac ? event.metaKey : event.ctrlKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'k') return;
      event.preventDefault();
      setOpen((value) => !value);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const items = useMemo<PaletteItem[]>(() => {
    if (!open) return [];
    const activeId = tabs.activeTab.id;
    const action = (key: string, label: string, detail: string, run: () => void): PaletteItem => ({ key: `action:${key}`, kind: 'action', label, detail, run });
    return [
      action('new-request', t('palette.newRequest'), isMac ? '⌘T' : 'Ctrl+T', () => tabs.open()),
      action('new-websocket', t('palette.newWebSocket'), '', () => tabs.openWebSocket()),
      action('save', t('palette.save'), isMac ? '⌘S' : 'Ctrl+S', () => void save(activeId)),
      action('new-collection', t('palette.newCollection'), '', () => setNaming(true)),
      action('close-tab', t('palette.closeTab'), isMac ? '⌘W' : 'Ctrl+W', () => tabs.close(activeId)),
      ...(collection
        ? [
            action('env-none', t('palette.useNoEnvironment'), collection, () => void selectEnvironment(collection, null)),
            ...environments.map((environment) =>
              action(`env-${environment.name}`, t('palette.useEnvironment', { name: environment.name }), collection, () => void selectEnvironment(collection, environment.name)),
            ),
          ]
        : []),
      ...requestItems(tree?.collections ?? [], (path) => void actions.openRequest(path)),
    ];
  }, [open, tabs, t, save, collection, environments, selectEnvironment, tree, actions]);

  const results = useMemo(() => rankItems(items, query), [items, query]);
  const close = () => {
    setOpen(false);
    setQuery('');
    setIndex(0);
  };
  const run = (item: PaletteItem | undefined) => {
    if (!item) return;
    close();
    item.run();
  };

  return (
    <>
      <dialog ref={dialogRef} className="palette" aria-label={t('palette.title')} data-testid="command-palette" onClose={close}>
        {open ? (
          <div
            className="palette-body"
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') setIndex((value) => Math.min(results.length - 1, value + 1));
              else if (event.key === 'ArrowUp') setIndex((value) => Math.max(0, value - 1));
              else if (event.key === 'Enter') run(results[index]);
              else return;
              event.preventDefault();
            }}
          >
            <div className="palette-search">
              <Command size={15} aria-hidden />
              <input
                data-testid="palette-input"
                autoFocus
                role="combobox"
                aria-expanded
                aria-controls="palette-results"
                aria-activedescendant={results[index] ? `palette-${index}` : undefined}
                placeholder={t('palette.placeholder')}
                value={query}
                spellCheck={false}
                onChange={(event) => {
                  setQuery(event.target.value);
                  setIndex(0);
                }}
              />
            </div>
            <ul className="palette-results" role="listbox" id="palette-results">
              {results.length === 0 ? <li className="palette-empty">{t('palette.noResults')}</li> : null}
              {results.map((item, position) => (
                <li
                  key={item.key}
                  id={`palette-${position}`}
                  role="option"
                  aria-selected={position === index}
                  className={position === index ? 'palette-item active' : 'palette-item'}
                  data-testid="palette-item"
                  data-kind={item.kind}
                  onMouseMove={() => setIndex(position)}
                  onClick={() => run(item)}
                >
                  {item.kind === 'request' ? (
                    <span className={`method-badge method-${(item.method ?? 'GET').toLowerCase()}`}>{item.method}</span>
                  ) : (
                    <span className="palette-action-mark" aria-hidden>
                      ›
                    </span>
                  )}
                  <span className="palette-label">{item.label}</span>
                  <span className="palette-detail">{item.detail}</span>
                  {position === index ? <CornerDownLeft size={13} className="palette-enter" aria-hidden /> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </dialog>
      {naming ? <NameDialog title={t('workspace.newCollection')} confirmLabel={t('workspace.create')} onClose={() => setNaming(false)} onSubmit={actions.createCollection} /> : null}
    </>
  );
}
