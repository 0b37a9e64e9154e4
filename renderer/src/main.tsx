import { StrictMode, useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Settings } from '../../shared/model/settings.ts';
import { DEFAULT_SETTINGS } from '../../shared/model/settings.ts';
import { ApiContext } from './api/ApiContext.tsx';
import { createApiClient, type ApiClient } from './api/api-client.ts';
import { AppShell } from './features/app/AppShell.tsx';
import { WorkspaceLayer } from './features/collections/WorkspaceLayer.tsx';
import { HistoryProvider } from './features/history/HistoryContext.tsx';
import { TabsProvider } from './features/tabs/TabsContext.tsx';
import { WebSocketSessionsProvider } from './features/websocket/WebSocketSessions.tsx';
import { I18nProvider, useI18n } from './i18n/I18nProvider.tsx';
import { connectPlatform } from './platform/connect-platform.ts';
import { PlatformUnavailable, type PlatformProblem } from './platform/platform.ts';
import { SettingsProvider, useSettings } from './state/SettingsContext.tsx';
import './styles/theme.css';
import './styles/app.css';
import './styles/history.css';
import './styles/websocket.css';
import './styles/workspace.css';
import { useAppliedTheme } from './theme/useAppliedTheme.ts';

type Boot = { state: 'starting' } | { state: 'ready'; api: ApiClient; settings: Settings } | { state: 'unavailable'; problem: PlatformProblem };

async function boot(): Promise<Boot> {
  try {
    const api = createApiClient(await connectPlatform());
    const settings = await api.call('settings.get', {});
    if (!settings.ok && settings.error.code === 'UNAUTHORIZED') return { state: 'unavailable', problem: 'needs-link' };
    return { state: 'ready', api, settings: settings.ok ? settings.value : DEFAULT_SETTINGS };
  } catch (error) {
    if (error instanceof PlatformUnavailable) return { state: 'unavailable', problem: error.problem };
    throw error;
  }
}

function Root() {
  const [state, setState] = useState<Boot>({ state: 'starting' });
  useEffect(() => {
    void boot().then(setState);
  }, []);

  if (state.state !== 'ready') {
    return (
      <I18nProvider language="system">
        <Themed choice="system">
          <BootScreen boot={state} />
        </Themed>
      </I18nProvider>
    );
  }
  return (
    <ApiContext.Provider value={state.api}>
      <SettingsProvider initial={state.settings}>
        <Configured>
          <TabsProvider>
            <WorkspaceLayer>
              <WebSocketSessionsProvider>
                <HistoryProvider>
                  <AppShell />
                </HistoryProvider>
              </WebSocketSessionsProvider>
            </WorkspaceLayer>
          </TabsProvider>
        </Configured>
      </SettingsProvider>
    </ApiContext.Provider>
  );
}

/** Applies the language and theme settings to everything below. */
function Configured({ children }: { children: ReactNode }) {
  const { settings } = useSettings();
  return (
    <I18nProvider language={settings.language}>
      <Themed choice={settings.theme}>{children}</Themed>
    </I18nProvider>
  );
}

function Themed({ choice, children }: { choice: Settings['theme']; children: ReactNode }) {
  useAppliedTheme(choice);
  return children;
}

function BootScreen({ boot }: { boot: Boot }) {
  const { t } = useI18n();
  if (boot.state === 'unavailable') {
    const key = boot.problem === 'needs-link' ? 'app.needsLink' : 'app.unreachable';
    return (
      <div className="boot-screen" data-app-state={boot.problem} role="alert">
        <h1>{t(`${key}.title`)}</h1>
        <p>{t(`${key}.body`)}</p>
      </div>
    );
  }
  return (
    <div className="boot-screen" data-app-state="starting" role="status">
      <p>{t('app.loading')}</p>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
