import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { errorSentence, useI18n } from '../../i18n/I18nProvider.tsx';
import { isDirty, savedName, savedRequestOf } from '../tabs/saved-tabs.ts';
import { tabTitle } from '../tabs/tab-title.ts';
import type { Tab } from '../tabs/tabs-reducer.ts';
import { useTabs } from '../tabs/TabsContext.tsx';
import { containers } from './tree-rows.ts';
import { useNotices } from './WorkspaceNotices.tsx';
import { useWorkspace } from './WorkspaceContext.tsx';

interface SaveFlowApi {
  /** Saves a tab: over its file, or, for a request not saved yet, after asking where. Resolves true when saved. */
  save(tabId: string): Promise<boolean>;
}

const SaveFlowContext = createContext<SaveFlowApi | null>(null);

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Saving tabs into the workspace: Ctrl/Cmd+S, the Save button, and "save before closing?". A save
 * over a file insists on the revision the tab loaded, so a change made on disk meanwhile becomes a
 * conflict to resolve instead of being overwritten. A failed write (disk full, read-only) leaves the
 * file as it was and the edits in the tab, and says why.
 */
export function SaveFlowProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { state, activeTab, dispatch, close } = useTabs();
  const { reload } = useWorkspace();
  const { notifyError } = useNotices();
  const [asking, setAsking] = useState<{ tabId: string; resolve: (saved: boolean) => void }>();
  const tabsRef = useRef(state.tabs);
  useEffect(() => {
    tabsRef.current = state.tabs;
  });

  const saveOver = useCallback(
    async (tab: Tab): Promise<boolean> => {
      const origin = tab.saved!;
      const result = await api.call('workspace.saveRequest', { path: origin.path, request: savedRequestOf(tab), ifRevision: origin.revision });
      if (result.ok) {
        dispatch({ type: 'markSaved', tabId: tab.id, path: result.value.path, revision: result.value.revision });
        await reload();
        return true;
      }
      if (result.error.code === 'CHANGED_ON_DISK') {
        const read = await api.call('workspace.readRequest', { path: origin.path });
        if (read.ok) dispatch({ type: 'diskChanged', path: origin.path, revision: read.value.revision, request: read.value.request });
        else if (read.error.code === 'NOT_FOUND') dispatch({ type: 'diskDeleted', path: origin.path });
      }
      notifyError(result.error);
      return false;
    },
    [api, dispatch, notifyError, reload],
  );

  const save = useCallback(
    async (tabId: string): Promise<boolean> => {
      const tab = tabsRef.current.find((candidate) => candidate.id === tabId);
      if (!tab) return false;
      // A deleted file is saved again where it was only through "keep mine" in the conflict banner.
      if (tab.saved && tab.conflict?.revision !== null) return saveOver(tab);
      return new Promise<boolean>((resolve) => setAsking({ tabId, resolve }));
    },
    [saveOver],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(isMac ? event.metaKey : event.ctrlKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 's') return;
      event.preventDefault();
      void save(activeTab.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [save, activeTab.id]);

  const value = useMemo(() => ({ save }), [save]);
  const closing = state.tabs.find((tab) => tab.id === state.closeRequest);

  return (
    <SaveFlowContext.Provider value={value}>
      {children}
      {asking ? (
        <SaveAsDialog
          tab={state.tabs.find((tab) => tab.id === asking.tabId)}
          onDone={(saved) => {
            asking.resolve(saved);
            setAsking(undefined);
          }}
        />
      ) : null}
      {closing && isDirty(closing) ? (
        <CloseDirtyTabDialog
          tab={closing}
          onSave={async () => {
            if (await save(closing.id)) close(closing.id, { force: true });
          }}
          onDiscard={() => close(closing.id, { force: true })}
          onCancel={() => dispatch({ type: 'askClose', tabId: undefined })}
        />
      ) : null}
    </SaveFlowContext.Provider>
  );
}

export function useSaveFlow(): SaveFlowApi {
  const flow = useContext(SaveFlowContext);
  if (!flow) throw new Error('useSaveFlow() needs a <SaveFlowProvider> above it');
  return flow;
}

/** "Where should this request go?": a name and a collection or folder (a first collection is created here too). */
function SaveAsDialog({ tab, onDone }: { tab: Tab | undefined; onDone: (saved: boolean) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { tree, reload } = useWorkspace();
  const { dispatch } = useTabs();
  const places = useMemo(() => containers(tree?.collections ?? []), [tree]);
  const [name, setName] = useState(() => (tab ? (savedName(tab) ?? tabTitle(tab.draft)?.replace(/^\//, '').replace(/[/\\:*?"<>|]/g, ' ').trim()) : undefined) || t('tabs.untitled'));
  const [parent, setParent] = useState(() => (tab?.saved ? tab.saved.path.slice(0, tab.saved.path.lastIndexOf('/')) : places[0]?.path) ?? '');
  const [newCollection, setNewCollection] = useState('');
  const [problem, setProblem] = useState<ShuttleError>();
  const [busy, setBusy] = useState(false);
  const needsCollection = places.length === 0;

  const submit = async () => {
    if (!tab) return onDone(false);
    setBusy(true);
    let into = parent;
    if (needsCollection) {
      const created = await api.call('workspace.createCollection', { name: newCollection.trim() });
      if (!created.ok) {
        setBusy(false);
        return setProblem(created.error);
      }
      into = created.value.path;
    }
    const result = await api.call('workspace.saveRequest', { parent: into, name: name.trim(), request: savedRequestOf(tab) });
    setBusy(false);
    if (!result.ok) return setProblem(result.error);
    dispatch({ type: 'markSaved', tabId: tab.id, path: result.value.path, revision: result.value.revision });
    await reload();
    onDone(true);
  };

  return (
    <Dialog open onClose={() => onDone(false)} title={t('workspace.saveAs')} closeLabel={t('workspace.cancel')} testId="save-dialog">
      <form
        className="name-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span>{t('workspace.name')}</span>
          <input className="text-input" data-testid="save-name" value={name} autoFocus spellCheck={false} onChange={(event) => setName(event.target.value)} />
        </label>
        {needsCollection ? (
          <label className="field">
            <span>{t('workspace.newCollectionName')}</span>
            <input className="text-input" data-testid="save-new-collection" value={newCollection} spellCheck={false} onChange={(event) => setNewCollection(event.target.value)} />
          </label>
        ) : (
          <label className="field">
            <span>{t('workspace.saveTo')}</span>
            <select data-testid="save-location" value={parent} onChange={(event) => setParent(event.target.value)}>
              {places.map((place) => (
                <option key={place.path} value={place.path}>
                  {place.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {problem ? (
          <p className="field-problem" role="alert" data-testid="save-problem">
            {errorSentence(t, problem)}
          </p>
        ) : null}
        <div className="dialog-actions">
          <Button variant="ghost" onClick={() => onDone(false)}>
            {t('workspace.cancel')}
          </Button>
          <Button
            variant="primary"
            type="submit"
            data-testid="save-confirm"
            disabled={busy || name.trim() === '' || (needsCollection ? newCollection.trim() === '' : parent === '')}
          >
            {t('workspace.save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function CloseDirtyTabDialog({ tab, onSave, onDiscard, onCancel }: { tab: Tab; onSave: () => Promise<void>; onDiscard: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const name = savedName(tab) ?? tabTitle(tab.draft) ?? t('tabs.untitled');
  return (
    <Dialog open onClose={onCancel} title={t('workspace.closeDirtyTitle')} closeLabel={t('workspace.cancel')} testId="close-dirty-dialog">
      <p className="dialog-text">{t('workspace.closeDirtyBody', { name })}</p>
      <div className="dialog-actions">
        <Button variant="ghost" data-testid="close-discard" onClick={onDiscard}>
          {t('workspace.discard')}
        </Button>
        <span className="dialog-actions-spacer" />
        <Button variant="secondary" data-testid="close-cancel" onClick={onCancel}>
          {t('workspace.cancel')}
        </Button>
        <Button variant="primary" data-testid="close-save" onClick={() => void onSave()}>
          {t('workspace.save')}
        </Button>
      </div>
    </Dialog>
  );
}
