import { useState } from 'react';
import { AlertTriangle, Loader2, SendHorizontal } from 'lucide-react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import type { HttpResponseMeta } from '../../../../shared/model/response.ts';
import { Button } from '../../components/Button.tsx';
import { TabList } from '../../components/TabList.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { sendShortcutLabel } from '../app/shortcuts.ts';
import type { RequestTab } from '../tabs/tabs-reducer.ts';
import { useTabs } from '../tabs/TabsContext.tsx';
import { formatBytes, formatDuration, statusClass } from './format.ts';
import { ResponseBodyView } from './ResponseBodyView.tsx';
import { ResponseHeaders } from './ResponseHeaders.tsx';

export function ResponsePane({ tab }: { tab: RequestTab }) {
  const { t } = useI18n();
  const { run } = tab;
  return (
    <section className="response-pane" aria-label={t('response.label')} data-run-state={run.kind}>
      {run.kind === 'idle' ? <EmptyResponse /> : null}
      {run.kind === 'running' ? (
        <div className="response-placeholder" role="status">
          <Loader2 size={22} className="spin" aria-hidden />
          <p>{run.receivedBytes > 0 ? t('response.receiving', { size: formatBytes(run.receivedBytes) }) : t('response.running')}</p>
        </div>
      ) : null}
      {run.kind === 'failed' ? <FailedResponse tab={tab} error={run.error} /> : null}
      {run.kind === 'done' ? <CompletedResponse key={run.response.runId} response={run.response} /> : null}
    </section>
  );
}

function EmptyResponse() {
  const { t } = useI18n();
  return (
    <div className="response-placeholder">
      <SendHorizontal size={36} className="placeholder-icon" aria-hidden />
      <h2>{t('response.empty.title')}</h2>
      <p>{t('response.empty.body')}</p>
      <p className="shortcut-hint">{t('response.empty.shortcut', { keys: sendShortcutLabel() })}</p>
    </div>
  );
}

function FailedResponse({ tab, error }: { tab: RequestTab; error: ShuttleError }) {
  const { t } = useI18n();
  const { send } = useTabs();
  return (
    <div className="response-placeholder response-failed" role="alert" data-testid="response-error" data-error-code={error.code}>
      <AlertTriangle size={28} className={error.code === 'CANCELLED' ? 'placeholder-icon' : 'error-icon'} aria-hidden />
      <h2>{error.code === 'CANCELLED' ? t('error.CANCELLED') : t('response.failed')}</h2>
      {error.code === 'CANCELLED' ? null : <p className="error-sentence">{t(`error.${error.code}`, { ...error.detail, message: error.message })}</p>}
      <p className="error-detail">
        <code>{error.code}</code> {error.message}
      </p>
      <Button variant="secondary" onClick={() => send(tab.id)}>
        {t('response.retry')}
      </Button>
    </div>
  );
}

type ResponseSection = 'body' | 'headers';

function CompletedResponse({ response }: { response: HttpResponseMeta }) {
  const { t } = useI18n();
  const [section, setSection] = useState<ResponseSection>('body');
  return (
    <div className="response-done">
      <TabList<ResponseSection>
        idPrefix="response"
        label={t('response.label')}
        selected={section}
        onSelect={setSection}
        items={[
          { key: 'body', label: t('response.body') },
          { key: 'headers', label: <>{t('response.headers')}<span className="count">{response.headers.length}</span></> },
        ]}
        trailing={
          <div className="response-bar">
            <span className={`status-pill status-${statusClass(response.status)}`} data-testid="response-status" title={t('response.status')}>
              {response.status} {response.statusText}
            </span>
            <span className="metric" data-testid="response-time" title={t('response.time')}>
              <span className="metric-label">{t('response.time')}</span> {formatDuration(response.timings.totalMs)}
            </span>
            <span className="metric" data-testid="response-size" title={t('response.size')}>
              <span className="metric-label">{t('response.size')}</span> {formatBytes(response.bodySize)}
            </span>
          </div>
        }
      />
      <div className="section-panel" role="tabpanel" id="response-panel" aria-labelledby={`response-tab-${section}`}>
        {section === 'body' ? <ResponseBodyView response={response} /> : <ResponseHeaders headers={response.headers} />}
      </div>
    </div>
  );
}
