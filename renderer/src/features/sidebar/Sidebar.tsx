import { Plus, Settings as SettingsIcon } from 'lucide-react';
import { Button, IconButton } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { statusClass } from '../response/format.ts';
import { useTabs } from '../tabs/TabsContext.tsx';

export function Sidebar({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { t } = useI18n();
  const { state, open } = useTabs();
  return (
    <nav className="sidebar" aria-label={t('sidebar.label')}>
      <div className="sidebar-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden>
            S
          </span>
          {t('app.name')}
        </div>
      </div>
      <div className="sidebar-actions">
        <Button variant="secondary" className="sidebar-new" onClick={() => open()}>
          <Plus size={15} aria-hidden /> {t('sidebar.newRequest')}
        </Button>
      </div>
      <h2 className="sidebar-title">{t('sidebar.sent')}</h2>
      {state.sent.length === 0 ? (
        <p className="sidebar-empty">{t('sidebar.sent.empty')}</p>
      ) : (
        <ul className="sent-list" data-testid="sent-list">
          {state.sent.map((sent) => (
            <li key={sent.runId}>
              <button type="button" className="sent-item" title={sent.spec.url} onClick={() => open(sent.spec)}>
                <span className={`method-badge method-${sent.spec.method.toLowerCase()}`}>{sent.spec.method}</span>
                <span className="sent-url">{sent.spec.url}</span>
                {sent.status !== undefined ? (
                  <span className={`sent-status status-${statusClass(sent.status)}`}>{sent.status}</span>
                ) : sent.errorCode ? (
                  <span className="sent-status status-server-error">!</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="sidebar-footer">
        <IconButton label={t('sidebar.settings')} data-testid="open-settings" onClick={onOpenSettings}>
          <SettingsIcon size={17} />
        </IconButton>
      </div>
    </nav>
  );
}
