import { AlertTriangle, X } from 'lucide-react';
import type { HistoryNotice } from '../../../../shared/model/history.ts';
import { IconButton } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The last part of a path, whatever the platform's separator (the full path is in the tooltip). */
function fileName(path: string | null): string {
  return path?.split(/[\\/]/).pop() ?? '';
}

/** Says what happened to the history database when it could not be used as it was. */
export function HistoryNoticeBanner({ notice, onDismiss }: { notice: HistoryNotice; onDismiss: () => void }) {
  const { t } = useI18n();
  return (
    <div className="history-notice" role="alert" data-testid="history-notice" data-kind={notice.kind}>
      <AlertTriangle size={15} className="history-notice-icon" aria-hidden />
      <p title={[notice.movedTo, notice.detail].filter(Boolean).join('\n')}>
        {t(`history.notice.${notice.kind}`, { file: fileName(notice.movedTo), detail: notice.detail })}
      </p>
      <IconButton label={t('history.notice.dismiss')} onClick={onDismiss}>
        <X size={14} />
      </IconButton>
    </div>
  );
}
