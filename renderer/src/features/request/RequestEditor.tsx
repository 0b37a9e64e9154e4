import { useState } from 'react';
import { KeyValueTable } from '../../components/KeyValueTable.tsx';
import { TabList } from '../../components/TabList.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { RequestTab } from '../tabs/tabs-reducer.ts';
import { useTabs } from '../tabs/TabsContext.tsx';
import { BodyEditor } from './BodyEditor.tsx';
import { UrlBar } from './UrlBar.tsx';

type Section = 'headers' | 'body';

export function RequestEditor({ tab }: { tab: RequestTab }) {
  const { t } = useI18n();
  const { edit, send, cancel } = useTabs();
  const [section, setSection] = useState<Section>('headers');
  const { draft } = tab;
  const activeHeaders = draft.headers.filter((row) => row.enabled && row.name.trim() !== '').length;

  return (
    <section className="request-editor" aria-label={t('request.sections')}>
      <UrlBar
        method={draft.method}
        url={draft.url}
        running={tab.run.kind === 'running'}
        onMethodChange={(method) => edit(tab.id, { ...draft, method })}
        onUrlChange={(url) => edit(tab.id, { ...draft, url })}
        onSend={() => send(tab.id)}
        onCancel={() => cancel(tab.id)}
      />
      <TabList<Section>
        idPrefix="request"
        label={t('request.sections')}
        selected={section}
        onSelect={setSection}
        items={[
          { key: 'headers', label: <>{t('request.headers')}{activeHeaders ? <span className="count">{activeHeaders}</span> : null}</> },
          { key: 'body', label: <>{t('request.body')}{draft.body.mode !== 'none' ? <span className="dot" aria-hidden /> : null}</> },
        ]}
      />
      <div className="section-panel" role="tabpanel" id="request-panel" aria-labelledby={`request-tab-${section}`}>
        {section === 'headers' ? (
          <KeyValueTable
            testId="headers-table"
            label={t('request.headers')}
            namePlaceholder={t('table.namePlaceholder')}
            rows={draft.headers}
            onChange={(headers) => edit(tab.id, { ...draft, headers })}
          />
        ) : (
          <BodyEditor body={draft.body} onChange={(body) => edit(tab.id, { ...draft, body })} />
        )}
      </div>
    </section>
  );
}
