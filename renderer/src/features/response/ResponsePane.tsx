import { useState } from 'react';
import { AlertTriangle, Loader2, SendHorizontal } from 'lucide-react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import type { HttpResponseMeta } from '../../../../shared/model/response.ts';
import { Button } from '../../components/Button.tsx';
import { HeaderTable } from '../../components/HeaderTable.tsx';
import { TabList } from '../../components/TabList.tsx';
import { errorHint, errorSentence, type Translate, useI18n } from '../../i18n/I18nProvider.tsx';
import { sendShortcutLabel } from '../app/shortcuts.ts';
import { CompareWithPreviousButton } from '../history/CompareWithPreviousButton.tsx';
import type { RequestTab } from '../tabs/tabs-reducer.ts';
import { useTabs } from '../tabs/TabsContext.tsx';
import { formatBytes, formatDuration, statusClass } from './format.ts';
import { ResponseBodyView } from './ResponseBodyView.tsx';
import { ResponseCookies } from './ResponseCookies.tsx';
import { SseEventList } from './SseEventList.tsx';
import { useLiveSse } from './useLiveSse.ts';
import { phaseSegments, Timeline } from './Timeline.tsx';

export function ResponsePane({ tab }: { tab: RequestTab }) {
  const { t } = useI18n();
  const { run } = tab;
  return (
    <section className="response-pane" aria-label={t('response.label')} data-run-state={run.kind}>
      {run.kind === 'idle' ? <EmptyResponse /> : null}
      {run.kind === 'running' ? <RunningResponse runId={run.runId} receivedBytes={run.receivedBytes} /> : null}
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
  const hint = errorHint(t, error);
  return (
    <div className="response-placeholder response-failed" role="alert" data-testid="response-error" data-error-code={error.code}>
      <AlertTriangle size={28} className={error.code === 'CANCELLED' ? 'placeholder-icon' : 'error-icon'} aria-hidden />
      <h2>{error.code === 'CANCELLED' ? t('error.CANCELLED') : t('response.failed')}</h2>
      {error.code === 'CANCELLED' ? null : <p className="error-sentence">{errorSentence(t, error)}</p>}
      {hint ? (
        <p className="hint error-hint" data-testid="response-error-hint">
          {hint}
        </p>
      ) : null}
      <p className="error-detail">
        <code>{error.code}</code> {error.message}
      </p>
      <Button variant="secondary" onClick={() => send(tab.id)}>
        {t('response.retry')}
      </Button>
    </div>
  );
}

type ResponseSection = 'body' | 'headers' | 'cookies' | 'timeline';

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
          { key: 'cookies', label: <>{t('response.cookies')}{setCookieCount(response) ? <span className="count">{setCookieCount(response)}</span> : null}</>, testId: 'response-cookies' },
          { key: 'timeline', label: t('response.timeline'), testId: 'response-timeline' },
        ]}
        trailing={
          <div className="response-bar">
            <span className={`status-pill status-${statusClass(response.status)}`} data-testid="response-status" title={t('response.status')}>
              {response.status} {response.statusText}
            </span>
            {response.httpVersion ? (
              <span className="metric" data-testid="response-protocol" title={t('response.protocol')}>
                HTTP/{response.httpVersion}
              </span>
            ) : null}
            <span className="metric" data-testid="response-time" title={timingSummary(response, t)}>
              <span className="metric-label">{t('response.time')}</span> {formatDuration(response.timings.totalMs)}
            </span>
            <span className="metric" data-testid="response-size" title={sizeSummary(response, t)}>
              <span className="metric-label">{t('response.size')}</span> {formatBytes(response.bodySize)}
              {response.wireSize !== undefined && response.wireSize !== response.bodySize ? (
                <span className="metric-wire" data-testid="response-wire-size">
                  {' '}
                  ({t('response.onWire', { size: formatBytes(response.wireSize) })})
                </span>
              ) : null}
            </span>
            <CompareWithPreviousButton runId={response.runId} />
          </div>
        }
      />
      <div className="section-panel" role="tabpanel" id="response-panel" aria-labelledby={`response-tab-${section}`}>
        {section === 'body' ? <ResponseBodyView response={response} /> : null}
        {section === 'headers' ? <ResponseHeaders response={response} /> : null}
        {section === 'cookies' ? <ResponseCookies headers={response.headers} /> : null}
        {section === 'timeline' ? <Timeline response={response} /> : null}
      </div>
    </div>
  );
}

/** The response's headers, and its trailers (header lines sent after the body) apart, when it had any. */
function ResponseHeaders({ response }: { response: HttpResponseMeta }) {
  const { t } = useI18n();
  return (
    <>
      <HeaderTable headers={response.headers} testId="response-headers" />
      {response.trailers && response.trailers.length > 0 ? (
        <section className="response-trailers" aria-label={t('response.trailers')}>
          <h3 className="panel-heading">{t('response.trailers')}</h3>
          <p className="panel-hint">{t('response.trailersHint')}</p>
          <HeaderTable headers={response.trailers} testId="response-trailers" />
        </section>
      ) : null}
    </>
  );
}

/** The time metric's tooltip: where the time of the final exchange went, phase by phase. */
function timingSummary(response: HttpResponseMeta, t: Translate): string {
  const final = response.exchanges?.at(-1);
  if (!final) return t('response.time');
  const hops = (response.exchanges?.length ?? 1) - 1;
  const lines = phaseSegments(final.timings).map((phase) => `${t(phase.label)}: ${formatDuration(phase.durationMs)}`);
  if (hops > 0) lines.unshift(t('response.redirects', { count: hops }));
  return lines.join('\n');
}

function sizeSummary(response: HttpResponseMeta, t: Translate): string {
  if (!response.contentEncoding?.length || response.wireSize === undefined) return t('response.size');
  return t('response.sizeDetail', { decoded: formatBytes(response.bodySize), wire: formatBytes(response.wireSize), encoding: response.contentEncoding.join(', ') });
}

function setCookieCount(response: HttpResponseMeta): number {
  return response.headers.filter(([name]) => name.toLowerCase() === 'set-cookie').length;
}

/** While a request runs: progress, or the live event list of a server-sent event stream. */
function RunningResponse({ runId, receivedBytes }: { runId: string; receivedBytes: number }) {
  const { t } = useI18n();
  const events = useLiveSse(runId);
  if (events.length > 0) return <SseEventList events={events} live />;
  return (
    <div className="response-placeholder" role="status">
      <Loader2 size={22} className="spin" aria-hidden />
      <p>{receivedBytes > 0 ? t('response.receiving', { size: formatBytes(receivedBytes) }) : t('response.running')}</p>
    </div>
  );
}
