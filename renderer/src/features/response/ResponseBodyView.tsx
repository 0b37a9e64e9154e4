import { useMemo, useState } from 'react';
import type { HttpResponseMeta } from '../../../../shared/model/response.ts';
import { formatJson, isJson } from '../../../../shared/text/format-json.ts';
import { Button } from '../../components/Button.tsx';
import { CodeView } from '../../components/CodeView.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatBytes } from './format.ts';
import { useResponseBody } from './useResponseBody.ts';

type View = 'pretty' | 'raw';

export function ResponseBodyView({ response }: { response: HttpResponseMeta }) {
  const { t } = useI18n();
  const body = useResponseBody(response);
  const [view, setView] = useState<View>('pretty');
  const [copied, setCopied] = useState(false);

  const contentType = headerValue(response, 'content-type') ?? '';
  const text = body.state === 'loaded' ? body.text : '';
  const json = useMemo(() => body.state === 'loaded' && !body.partial && (contentType.includes('json') || isJson(text)) && isJson(text), [body, contentType, text]);
  const pretty = useMemo(() => (json ? formatJson(text) : text), [json, text]);

  if (response.bodySize === 0) {
    return (
      <div className="response-body" data-testid="response-body" data-empty="true">
        <p className="empty-hint">{t('response.emptyBody')}</p>
      </div>
    );
  }

  return (
    <div className="response-body-view">
      <div className="body-toolbar">
        <div className="segmented" role="radiogroup" aria-label={t('response.body')}>
          {(['pretty', 'raw'] as const).map((mode) => (
            <label key={mode} className={view === mode ? 'segment selected' : 'segment'}>
              <input type="radio" name="response-view" value={mode} checked={view === mode} onChange={() => setView(mode)} data-testid={`response-view-${mode}`} />
              {t(mode === 'pretty' ? 'response.pretty' : 'response.raw')}
            </label>
          ))}
        </div>
        {body.state === 'loaded' && body.looksBinary ? <span className="hint">{t('response.binary', { size: formatBytes(response.bodySize) })}</span> : null}
        {body.state === 'loaded' && body.partial ? (
          <span className="hint">{t('response.partial', { shown: formatBytes(body.bytes.length), total: formatBytes(response.bodySize) })}</span>
        ) : null}
        {response.bodyTruncated ? <span className="hint warning">{t('response.truncated', { size: formatBytes(response.bodySize) })}</span> : null}
        <span className="spacer" />
        <Button
          size="sm"
          variant="ghost"
          disabled={body.state !== 'loaded'}
          onClick={() => {
            void navigator.clipboard.writeText(view === 'pretty' ? pretty : text).then(() => setCopied(true));
          }}
          onBlur={() => setCopied(false)}
        >
          {copied ? t('response.copied') : t('response.copy')}
        </Button>
      </div>
      <div className="response-body" data-testid="response-body" data-view={view} data-loading={body.state === 'loading' ? 'true' : undefined}>
        {body.state === 'failed' ? (
          <p className="field-problem">{t(`error.${body.error.code}`, { ...body.error.detail, message: body.error.message })}</p>
        ) : (
          <CodeView value={view === 'pretty' ? pretty : text} language={json && view === 'pretty' ? 'json' : 'text'} testId="response-code" label={t('response.body')} wrap={view === 'raw'} />
        )}
      </div>
    </div>
  );
}

export function headerValue(response: HttpResponseMeta, name: string): string | undefined {
  return response.headers.find(([candidate]) => candidate.toLowerCase() === name)?.[1];
}
