import type { ExchangeRecord, HttpResponseMeta, PhaseTimings, SentBody } from '../../../../shared/model/response.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { ConnectionFacts } from './ConnectionFacts.tsx';
import { formatBytes, formatDuration, statusClass } from './format.ts';

interface Phase {
  key: 'dns' | 'connect' | 'tls' | 'send' | 'wait' | 'download';
  label: MessageKey;
  startMs: number;
  durationMs: number;
}

/**
 * The exchange's phases as consecutive segments for a waterfall bar. DNS, TCP connect and TLS are
 * durations (a reused connection has none); "sent" and "first byte" are marks counted from the start,
 * so their segments run from where the previous phase ended up to the mark.
 */
export function phaseSegments(timings: PhaseTimings): Phase[] {
  const durations: [Phase['key'], MessageKey, number | undefined][] = [
    ['dns', 'timeline.dns', timings.dnsMs],
    ['connect', 'timeline.connect', timings.connectMs],
    ['tls', 'timeline.tls', timings.tlsMs],
  ];
  const marks: [Phase['key'], MessageKey, number | undefined][] = [
    ['send', 'timeline.send', timings.sentMs],
    ['wait', 'timeline.wait', timings.firstByteMs],
  ];
  const phases: Phase[] = [];
  let cursor = 0;
  const add = (key: Phase['key'], label: MessageKey, durationMs: number) => {
    phases.push({ key, label, startMs: cursor, durationMs });
    cursor += durationMs;
  };
  for (const [key, label, duration] of durations) if (duration !== undefined) add(key, label, duration);
  for (const [key, label, mark] of marks) if (mark !== undefined) add(key, label, Math.max(0, mark - cursor));
  const downloadMs = timings.downloadMs ?? Math.max(0, timings.totalMs - cursor);
  phases.push({ key: 'download', label: 'timeline.download', startMs: cursor, durationMs: downloadMs });
  return phases;
}

/** Every exchange of the request (redirect hops, then the final answer) with its phases, connection and exact request. */
export function Timeline({ response }: { response: HttpResponseMeta }) {
  const { t } = useI18n();
  const exchanges: ExchangeRecord[] = response.exchanges ?? [
    {
      method: response.method,
      url: response.url,
      requestLine: `${response.method} ${response.url}`,
      requestHeaders: response.requestHeaders,
      status: response.status,
      statusText: response.statusText,
      responseHeaders: response.headers,
      timings: { firstByteMs: response.timings.firstByteMs, totalMs: response.timings.totalMs },
    },
  ];
  return (
    <div className="timeline" data-testid="timeline">
      {exchanges.map((exchange, index) => (
        <section key={index} className="timeline-exchange" data-testid="timeline-exchange" aria-label={`${exchange.method} ${exchange.url}`}>
          <header className="timeline-head">
            <span className="timeline-index">{index + 1}</span>
            <span className="method-badge">{exchange.method}</span>
            <span className="timeline-url" title={exchange.url}>
              {exchange.url}
            </span>
            <span className={`status-pill status-${statusClass(exchange.status)}`}>
              {exchange.status} {exchange.statusText}
            </span>
            <span className="metric">{formatDuration(exchange.timings.totalMs)}</span>
          </header>
          <Waterfall timings={exchange.timings} />
          {exchange.connection ? <ConnectionFacts connection={exchange.connection} className="timeline-facts" /> : null}
          {exchange.droppedHeaders && exchange.droppedHeaders.length > 0 ? (
            <p className="timeline-dropped" data-testid="timeline-dropped">
              {t('timeline.dropped', { headers: exchange.droppedHeaders.join(', ') })}
            </p>
          ) : null}
          <details className="timeline-request">
            <summary>{t('timeline.requestSent')}</summary>
            <pre data-testid="timeline-request-raw">
              {[exchange.requestLine, ...exchange.requestHeaders.map(([name, value]) => `${name}: ${value}`)].join('\n')}
              {/* As on the wire: a blank line, then the body. */}
              {exchange.requestBody?.text !== undefined ? `\n\n${exchange.requestBody.text}` : null}
            </pre>
            {exchange.requestBody ? <SentBodyNote body={exchange.requestBody} /> : null}
          </details>
        </section>
      ))}
    </div>
  );
}

/** What the raw text above cannot say about the body: that it was binary, or that only its start is shown. */
function SentBodyNote({ body }: { body: SentBody }) {
  const { t } = useI18n();
  const size = formatBytes(body.size);
  if (body.text === undefined) return <p className="hint" data-testid="timeline-request-body-note">{t('timeline.bodyBinary', { size })}</p>;
  if (body.truncated) return <p className="hint" data-testid="timeline-request-body-note">{t('timeline.bodyTruncated', { size })}</p>;
  return null;
}

function Waterfall({ timings }: { timings: PhaseTimings }) {
  const { t } = useI18n();
  const phases = phaseSegments(timings);
  const total = Math.max(timings.totalMs, 1);
  return (
    <div className="waterfall">
      {phases.map((phase) => (
        <div key={phase.key} className="waterfall-row" data-phase={phase.key}>
          <span className="waterfall-label">{t(phase.label)}</span>
          <span className="waterfall-track">
            <span
              className={`waterfall-bar phase-${phase.key}`}
              style={{ marginLeft: `${(phase.startMs / total) * 100}%`, width: `max(2px, ${(phase.durationMs / total) * 100}%)` }}
            />
          </span>
          <span className="waterfall-ms">{formatDuration(phase.durationMs)}</span>
        </div>
      ))}
    </div>
  );
}
