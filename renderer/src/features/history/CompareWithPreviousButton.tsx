import { GitCompareArrows } from 'lucide-react';
import { Button } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useHistory } from './HistoryContext.tsx';

/** In the response bar: compares this response with the previous one of the same request. */
export function CompareWithPreviousButton({ runId }: { runId: string }) {
  const { t } = useI18n();
  const { compareWithPrevious } = useHistory();
  return (
    <Button size="sm" variant="ghost" data-testid="compare-previous" title={t('history.comparePrevious.hint')} onClick={() => compareWithPrevious(runId)}>
      <GitCompareArrows size={14} aria-hidden /> {t('history.comparePrevious')}
    </Button>
  );
}
