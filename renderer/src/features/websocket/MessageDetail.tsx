import { useMemo, useState } from 'react';
import { Copy, X } from 'lucide-react';
import type { WsMessage } from '../../../../shared/model/websocket.ts';
import { formatJson, isJson } from '../../../../shared/text/format-json.ts';
import { Button, IconButton } from '../../components/Button.tsx';
import { CodeView } from '../../components/CodeView.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatBytes } from '../response/format.ts';
import { bytesToBase64 } from './composed-message.ts';
import { ErrorSentence } from './ErrorSentence.tsx';
import { formatClock, hexDump } from './message-content.ts';
import { useFullPayload } from './useFullPayload.ts';

type TextView = 'pretty' | 'raw';
type BytesView = 'hex' | 'base64' | 'text';
/** A hex dump is about four times the bytes; past this it stops, with a note. */
const HEX_DUMP_LIMIT = 256 * 1024;

/** One message opened up: pretty JSON or raw text, or bytes as a hex dump, base64 or text; copyable. */
export function MessageDetail({ message, onClose }: { message: WsMessage; onClose: () => void }) {
  const { t } = useI18n();
  const payload = useFullPayload(message);
  const isText = message.type === 'text' || message.type === 'close';
  const [textView, setTextView] = useState<TextView>('pretty');
  const [bytesView, setBytesView] = useState<BytesView>('hex');
  const [copied, setCopied] = useState(false);

  const text = useMemo(() => {
    if (payload.state !== 'ready') return '';
    if (message.type === 'close') return [message.code, message.text].filter((part) => part !== undefined && part !== '').join(' ');
    return new TextDecoder('utf-8').decode(payload.bytes);
  }, [payload, message]);
  const json = isText && message.type === 'text' && payload.state === 'ready' && !payload.partial && isJson(text);
  const shown = useMemo(() => {
    if (payload.state !== 'ready') return '';
    if (isText) return json && textView === 'pretty' ? formatJson(text) : text;
    if (bytesView === 'base64') return bytesToBase64(payload.bytes);
    if (bytesView === 'text') return text;
    return hexDump(payload.bytes.subarray(0, HEX_DUMP_LIMIT));
  }, [payload, isText, json, textView, text, bytesView]);

  const views: { key: string; label: string; selected: boolean; select: () => void }[] = isText
    ? json
      ? (['pretty', 'raw'] as const).map((key) => ({ key, label: t(`response.${key}`), selected: textView === key, select: () => setTextView(key) }))
      : []
    : (['hex', 'base64', 'text'] as const).map((key) => ({ key, label: t(`ws.view.${key}`), selected: bytesView === key, select: () => setBytesView(key) }));

  return (
    <section className="ws-detail" aria-label={t('ws.detail.label')} data-testid="ws-message-detail">
      <header className="ws-detail-header">
        <span className={`ws-dir ws-dir-${message.direction}`} title={t(`ws.direction.${message.direction}`)}>
          <span className="visually-hidden">{t(`ws.direction.${message.direction}`)}</span>
        </span>
        <span className={`ws-type ws-type-${message.type}`}>{t(`ws.type.${message.type}`)}</span>
        <span className="ws-detail-meta">
          #{message.seq} · {formatClock(message.time)} · {formatBytes(message.size)}
        </span>
        {views.length > 0 ? (
          <div className="segmented" role="radiogroup" aria-label={t('ws.detail.view')}>
            {views.map((view) => (
              <label key={view.key} className={view.selected ? 'segment selected' : 'segment'}>
                <input type="radio" name="ws-detail-view" checked={view.selected} onChange={view.select} data-testid={`ws-detail-${view.key}`} />
                {view.label}
              </label>
            ))}
          </div>
        ) : null}
        {payload.state === 'ready' && payload.partial ? (
          <span className="hint">{t('response.partial', { shown: formatBytes(payload.bytes.length), total: formatBytes(message.size) })}</span>
        ) : null}
        <span className="spacer" />
        <Button
          size="sm"
          variant="ghost"
          data-testid="ws-copy"
          disabled={payload.state !== 'ready'}
          onClick={() => void navigator.clipboard.writeText(shown).then(() => setCopied(true))}
          onBlur={() => setCopied(false)}
        >
          <Copy size={13} aria-hidden /> {copied ? t('response.copied') : t('response.copy')}
        </Button>
        <IconButton label={t('ws.detail.close')} onClick={onClose}>
          <X size={14} />
        </IconButton>
      </header>
      <div className="ws-detail-body" data-view={isText ? textView : bytesView}>
        {payload.state === 'failed' ? <ErrorSentence error={payload.error} className="field-problem" /> : null}
        {payload.state === 'loading' ? <p className="empty-hint">{t('ws.detail.loading')}</p> : null}
        {payload.state === 'ready' && !isText && bytesView === 'hex' ? (
          <pre className="ws-hexdump" data-testid="ws-detail-content">
            {shown}
            {payload.bytes.length > HEX_DUMP_LIMIT ? `\n${t('ws.detail.hexLimit', { size: formatBytes(HEX_DUMP_LIMIT) })}` : ''}
          </pre>
        ) : null}
        {payload.state === 'ready' && (isText || bytesView !== 'hex') ? (
          <CodeView value={shown} language={json && textView === 'pretty' ? 'json' : 'text'} testId="ws-detail-content" label={t('ws.detail.label')} wrap />
        ) : null}
      </div>
    </section>
  );
}
