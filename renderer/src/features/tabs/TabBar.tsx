import { Cable, Plus, X } from 'lucide-react';
import { IconButton } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useTabs } from './TabsContext.tsx';
import { tabTitle } from './tab-title.ts';
import { isDirty, savedName } from './saved-tabs.ts';

export function TabBar() {
  const { t } = useI18n();
  const { state, select, close, open, openWebSocket } = useTabs();
  return (
    <div className="tab-bar">
      <div role="tablist" aria-label={t('tabs.label')} className="tab-strip">
        {state.tabs.map((tab) => {
          const active = tab.id === state.activeId;
          const dirty = isDirty(tab);
          const title = savedName(tab) ?? tabTitle(tab.draft) ?? t(tab.kind === 'websocket' ? 'tabs.untitledWebSocket' : 'tabs.untitled');
          return (
            <div key={tab.id} className={active ? 'request-tab active' : 'request-tab'} data-testid="tab" data-active={active} data-dirty={dirty}>
              <button
                type="button"
                role="tab"
                aria-selected={active}
                className="request-tab-select"
                title={tab.draft.url || title}
                onClick={() => select(tab.id)}
                onAuxClick={(event) => {
                  if (event.button === 1) close(tab.id);
                }}
              >
                {tab.kind === 'websocket' ? (
                  <span className="method-badge protocol-ws">WS</span>
                ) : (
                  <span className={`method-badge method-${tab.draft.method.toLowerCase()}`}>{tab.draft.method || '?'}</span>
                )}
                <span className="request-tab-title">{title}</span>
                {dirty ? <span className="request-tab-dirty" role="img" aria-label={t('workspace.unsavedChanges')} title={t('workspace.unsavedChanges')} /> : null}
              </button>
              <IconButton label={t('tabs.close')} className="request-tab-close" onClick={() => close(tab.id)}>
                <X size={13} />
              </IconButton>
            </div>
          );
        })}
      </div>
      <IconButton label={t('tabs.new')} data-testid="new-tab" onClick={() => open()}>
        <Plus size={16} />
      </IconButton>
      <IconButton label={t('tabs.newWebSocket')} data-testid="new-websocket" onClick={() => openWebSocket()}>
        <Cable size={15} />
      </IconButton>
    </div>
  );
}
