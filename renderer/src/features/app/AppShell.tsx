import { useEffect, useMemo, useState } from 'react';
import { SplitPane } from '../../components/SplitPane.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { RequestEditor } from '../request/RequestEditor.tsx';
import { ResponsePane } from '../response/ResponsePane.tsx';
import { CookieManager } from '../cookies/CookieManager.tsx';
import { SavedRequestBar } from '../collections/SavedRequestBar.tsx';
import { EnvironmentSelect } from '../environments/EnvironmentSelect.tsx';
import { SettingsDialog } from '../settings/SettingsDialog.tsx';
import { Sidebar } from '../sidebar/Sidebar.tsx';
import { TabBar } from '../tabs/TabBar.tsx';
import { useTabs } from '../tabs/TabsContext.tsx';
import { WebSocketWorkbench } from '../websocket/WebSocketWorkbench.tsx';
import { useWsSessions } from '../websocket/WebSocketSessions.tsx';
import { useGlobalShortcuts } from './shortcuts.ts';

/** The window: sidebar on the left, tabs on top, request editor over the response. */
export function AppShell() {
  const { t, locale } = useI18n();
  const tabs = useTabs();
  const { activeTab } = tabs;
  const wsSessions = useWsSessions();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [cookiesOpen, setCookiesOpen] = useState(false);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const shortcuts = useMemo(
    () => ({
      send: () =>
        activeTab.kind === 'websocket'
          ? wsSessions.send(activeTab.id, activeTab.draft.composer)
          : activeTab.run.kind === 'running'
            ? tabs.cancel(activeTab.id)
            : tabs.send(activeTab.id),
      newTab: () => tabs.open(),
      closeTab: () => tabs.close(activeTab.id),
      focusUrl: () => document.querySelector<HTMLInputElement>('[data-testid="url-input"], [data-testid="ws-url"]')?.focus(),
    }),
    [activeTab, tabs, wsSessions],
  );
  useGlobalShortcuts(shortcuts);

  return (
    <div className="app-shell" data-app-state="ready">
      <Sidebar onOpenSettings={() => setSettingsOpen(true)} onOpenCookies={() => setCookiesOpen(true)} />
      <main className="workbench">
        <div className="workbench-top">
          <TabBar />
          <EnvironmentSelect />
        </div>
        <SavedRequestBar tab={activeTab} />
        {activeTab.kind === 'websocket' ? (
          <WebSocketWorkbench key={activeTab.id} tab={activeTab} />
        ) : (
          <SplitPane
            label={t('split.resize')}
            top={<RequestEditor key={activeTab.id} tab={activeTab} />}
            bottom={<ResponsePane tab={activeTab} />}
          />
        )}
      </main>
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
      <CookieManager open={cookiesOpen} onClose={() => setCookiesOpen(false)} />
    </div>
  );
}
