import { Loader2, Send } from 'lucide-react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { MethodSelect } from './MethodSelect.tsx';

export function UrlBar({
  method,
  url,
  running,
  onMethodChange,
  onUrlChange,
  onSend,
  onCancel,
}: {
  method: string;
  url: string;
  running: boolean;
  onMethodChange: (method: string) => void;
  onUrlChange: (url: string) => void;
  onSend: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <form
      className="url-bar"
      onSubmit={(event) => {
        event.preventDefault();
        if (running) onCancel();
        else onSend();
      }}
    >
      <MethodSelect method={method} onChange={onMethodChange} />
      <input
        className="url-input"
        data-testid="url-input"
        aria-label={t('request.url')}
        placeholder={t('request.url.placeholder')}
        value={url}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => onUrlChange(event.target.value)}
      />
      <button
        type="submit"
        className={`btn btn-md ${running ? 'btn-danger' : 'btn-primary'} send-button`}
        data-testid="send-button"
        data-state={running ? 'running' : 'idle'}
      >
        {running ? <Loader2 size={15} className="spin" aria-hidden /> : <Send size={15} aria-hidden />}
        {running ? t('request.cancel') : t('request.send')}
      </button>
    </form>
  );
}
