import { Cable, Cookie, History as HistoryIcon, Library, Plus, Settings as SettingsIcon } from 'lucide-react';
import { Button, IconButton } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { HistoryPanel } from '../history/HistoryPanel.tsx';
import { CollectionsPanel } from '../collections/CollectionsPanel.tsx';
import { useTabs } from '../tabs/TabsContext.tsx';
import { SidebarSections } from './SidebarSections.tsx';

export function Sidebar({ onOpenSettings, onOpenCookies }: { onOpenSettings: () => void; onOpenCookies: () => void }) {
  const { t } = useI18n();
  const { open, openWebSocket } = useTabs();
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
        <Button variant="ghost" className="sidebar-new" onClick={() => openWebSocket()}>
          <Cable size={15} aria-hidden /> {t('sidebar.newWebSocket')}
        </Button>
      </div>
      <SidebarSections
        label={t('sidebar.sections')}
        sections={[
          { key: 'history', label: t('history.title'), icon: <HistoryIcon size={14} aria-hidden />, panel: <HistoryPanel /> },
          { key: 'collections', label: t('workspace.collections'), icon: <Library size={14} aria-hidden />, panel: <CollectionsPanel /> },
        ]}
      />
      <div className="sidebar-footer">
        <IconButton label={t('sidebar.settings')} data-testid="open-settings" onClick={onOpenSettings}>
          <SettingsIcon size={17} />
        </IconButton>
        <IconButton label={t('cookies.title')} data-testid="open-cookies" onClick={onOpenCookies}>
          <Cookie size={17} />
        </IconButton>
      </div>
    </nav>
  );
}
