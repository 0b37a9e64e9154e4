import { useMemo, useState } from 'react';
import { useApi } from '../../api/ApiContext.tsx';
import { TabList } from '../../components/TabList.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSettings } from '../../state/SettingsContext.tsx';
import { useVariables } from '../variables/VariablesContext.tsx';
import { draftFromSpec, specFromDraft, withUrl } from '../tabs/request-draft.ts';
import { sendContextOf } from '../tabs/saved-tabs.ts';
import type { RequestTab } from '../tabs/tabs-reducer.ts';
import { useTabs } from '../tabs/TabsContext.tsx';
import { AuthPanel } from './AuthPanel.tsx';
import { BodyEditor } from './BodyEditor.tsx';
import { HeadersPanel } from './HeadersPanel.tsx';
import { inheritedAuthOf, inheritedSettingsOf, withHostSettings } from './inherited-views.ts';
import { ParamsPanel } from './ParamsPanel.tsx';
import { RequestSettingsPanel } from './RequestSettingsPanel.tsx';
import { RequestVariablesPanel } from './RequestVariablesPanel.tsx';
import { UrlBar } from './UrlBar.tsx';
import { useInheritedLayers } from './useInheritedLayers.ts';

type Section = 'params' | 'headers' | 'body' | 'auth' | 'variables' | 'settings';

export function RequestEditor({ tab }: { tab: RequestTab }) {
  const { t } = useI18n();
  const { edit, send, cancel } = useTabs();
  const api = useApi();
  const [section, setSection] = useState<Section>('params');
  const { draft } = tab;
  const change = (next: typeof draft) => edit(tab.id, next);
  const count = (rows: { enabled: boolean; name: string }[]) => rows.filter((row) => row.enabled && row.name.trim() !== '').length;
  const badge = (n: number) => (n > 0 ? <span className="count">{n}</span> : null);
  const dot = (on: boolean) => (on ? <span className="dot" aria-hidden /> : null);
  // What a saved request inherits from its collection and folders, shown where it applies.
  const layers = useInheritedLayers(tab.saved?.path);
  const inheritedAuth = useMemo(() => inheritedAuthOf(layers), [layers]);
  const { settings: appSettings } = useSettings();
  const { lookup } = useVariables();
  // Beneath the collection and folders: what Settings → Certificates has for the URL's host.
  const inheritedSettings = useMemo(
    () => withHostSettings(inheritedSettingsOf(layers), draft.url, lookup, appSettings.hostCertificates),
    [layers, draft.url, lookup, appSettings.hostCertificates],
  );

  return (
    <section className="request-editor" aria-label={t('request.sections')}>
      <UrlBar
        method={draft.method}
        url={draft.url}
        running={tab.run.kind === 'running'}
        sentSpec={() => api.call('http.resolve', { request: specFromDraft(draft), context: sendContextOf(tab) })}
        onMethodChange={(method) => change({ ...draft, method })}
        onUrlChange={(url) => change(withUrl(draft, url))}
        onReplace={(spec) => change(draftFromSpec(spec))}
        onSend={() => send(tab.id)}
        onCancel={() => cancel(tab.id)}
      />
      <TabList<Section>
        idPrefix="request"
        label={t('request.sections')}
        selected={section}
        onSelect={setSection}
        items={[
          { key: 'params', label: <>{t('request.params')}{badge(count(draft.params))}</> },
          { key: 'headers', label: <>{t('request.headers')}{badge(count(draft.headers))}</> },
          { key: 'body', label: <>{t('request.body')}{dot(draft.body.mode !== 'none')}</> },
          { key: 'auth', label: <>{t('request.auth')}{dot(draft.auth.type !== 'none')}</> },
          { key: 'variables', label: <>{t('request.variables')}{badge(count(draft.variables))}</> },
          { key: 'settings', label: <>{t('request.settings')}{dot(Object.keys(draft.settings).length > 0)}</> },
        ]}
      />
      <div className="section-panel" role="tabpanel" id="request-panel" aria-labelledby={`request-tab-${section}`}>
        {section === 'params' ? <ParamsPanel draft={draft} onChange={change} /> : null}
        {section === 'headers' ? <HeadersPanel draft={draft} inherited={layers} onChange={change} /> : null}
        {section === 'body' ? <BodyEditor body={draft.body} onChange={(body) => change({ ...draft, body })} /> : null}
        {section === 'auth' ? <AuthPanel auth={draft.auth} settings={draft.settings} inherited={inheritedAuth} onChange={(auth) => change({ ...draft, auth })} /> : null}
        {section === 'variables' ? <RequestVariablesPanel rows={draft.variables} onChange={(variables) => change({ ...draft, variables })} /> : null}
        {section === 'settings' ? (
          <RequestSettingsPanel settings={draft.settings} inherited={inheritedSettings} onChange={(settings) => change({ ...draft, settings })} />
        ) : null}
      </div>
    </section>
  );
}
