import { Plus, X } from 'lucide-react';
import { IconButton } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useTabs } from './TabsContext.tsx';
import { tabTitle } from './tab-title.ts';

export function TabBar() {
  const { t } = useI18n();
  const { state, select, close, open } = useTabs();
  return (
    <div className="tab-bar">
      <div role="tablist" aria-label={t('tabs.label')} className="tab-strip">
        {state.tabs.map((tab) => {
          const active = tab.id === state.activeId;
          const title = tabTitle(tab.draft) ?? t('tabs.untitled');
          return (
            <div key={tab.id} className={active ? 'request-tab active' : 'request-tab'} data-testid="tab" data-active={active}>
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
                <span className={`method-badge method-${tab.draft.method.toLowerCase()}`}>{tab.draft.method || '?'}</span>
                <span className="request-tab-title">{title}</span>
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
    </div>
  );
}
