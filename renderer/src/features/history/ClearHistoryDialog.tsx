import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Asks before deleting every history entry; Escape or Cancel keep them. */
export function ClearHistoryDialog({ open, count, onConfirm, onClose }: { open: boolean; count: number; onConfirm: () => void; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog open={open} onClose={onClose} title={t('history.clear.title')} closeLabel={t('history.close')} testId="history-clear-dialog">
      <p className="confirm-text">{t('history.clear.body', { count })}</p>
      <div className="confirm-actions">
        <Button variant="secondary" onClick={onClose}>
          {t('history.cancel')}
        </Button>
        <Button variant="danger" data-testid="history-clear-confirm" onClick={onConfirm}>
          {t('history.clear.confirm')}
        </Button>
      </div>
    </Dialog>
  );
}
