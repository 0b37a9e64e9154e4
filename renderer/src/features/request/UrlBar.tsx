import { useState } from 'react';
import { Check, Copy, Loader2, Send } from 'lucide-react';
import { CurlParseError, parseCurl, toCurl } from '../../../../shared/http/curl.ts';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import type { HttpRequestSpec } from '../../../../shared/model/request.ts';
import { IconButton } from '../../components/Button.tsx';
import { errorSentence, useI18n } from '../../i18n/I18nProvider.tsx';
import { MethodSelect } from './MethodSelect.tsx';
import { VariableField } from '../variables/VariableField.tsx';

export function UrlBar({
  method,
  url,
  running,
  sentSpec,
  onMethodChange,
  onUrlChange,
  onReplace,
  onSend,
  onCancel,
}: {
  method: string;
  url: string;
  running: boolean;
  /** The request as it would be sent (variables resolved, inherited auth applied), for "Copy as cURL". */
  sentSpec: () => Promise<{ ok: true; value: HttpRequestSpec } | { ok: false; error: ShuttleError }>;
  onMethodChange: (method: string) => void;
  onUrlChange: (url: string) => void;
  /** A pasted cURL command replaces the whole request. */
  onReplace: (spec: HttpRequestSpec) => void;
  onSend: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string>();
  const [copied, setCopied] = useState(false);

  return (
    <div className="url-bar-wrap">
      <form
        className="url-bar"
        onSubmit={(event) => {
          event.preventDefault();
          if (running) onCancel();
          else onSend();
        }}
      >
        <MethodSelect method={method} onChange={onMethodChange} />
        <VariableField value={url}>
          <input
            className="url-input"
            data-testid="url-input"
            aria-label={t('request.url')}
            aria-describedby={problem ? 'url-problem' : undefined}
            placeholder={t('request.url.placeholder')}
            value={url}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => {
              setProblem(undefined);
              onUrlChange(event.target.value);
            }}
            onPaste={(event) => {
              const text = event.clipboardData.getData('text/plain');
              if (!/^\s*curl\s/.test(text)) return;
              event.preventDefault();
              try {
                onReplace(parseCurl(text.trim()));
                setProblem(undefined);
              } catch (error) {
                setProblem(t('curl.parseFailed', { message: error instanceof CurlParseError ? error.message : String(error) }));
              }
            }}
          />
        </VariableField>
        <IconButton
          label={copied ? t('curl.copied') : t('curl.copy')}
          data-testid="copy-curl"
          onClick={() => {
            void sentSpec().then(async (result) => {
              if (!result.ok) return setProblem(errorSentence(t, result.error));
              await navigator.clipboard.writeText(toCurl(result.value));
              setProblem(undefined);
              setCopied(true);
            });
          }}
          onBlur={() => setCopied(false)}
        >
          {copied ? <Check size={16} /> : <Copy size={16} />}
        </IconButton>
        <button type="submit" className={`btn btn-md ${running ? 'btn-danger' : 'btn-primary'} send-button`} data-testid="send-button" data-state={running ? 'running' : 'idle'}>
          {running ? <Loader2 size={15} className="spin" aria-hidden /> : <Send size={15} aria-hidden />}
          {running ? t('request.cancel') : t('request.send')}
        </button>
      </form>
      {problem ? (
        <p className="field-problem url-problem" id="url-problem" role="alert" data-testid="url-problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
