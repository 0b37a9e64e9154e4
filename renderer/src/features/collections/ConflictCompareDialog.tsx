import { useEffect, useMemo, useState } from 'react';
import { Loader2 } from 'lucide-react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import { diffText } from '../../../../shared/diff/text-diff.ts';
import type { RequestFileComparison, SavedRequest } from '../../../../shared/model/workspace.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { errorSentence, useI18n } from '../../i18n/I18nProvider.tsx';
import { DiffRows, type DiffLayout } from '../../components/DiffRows.tsx';
import { savedRequestOf, snapshotOf, tabForSaved } from '../tabs/saved-tabs.ts';
import type { Tab } from '../tabs/tabs-reducer.ts';
import { differingFields } from './conflict-compare.ts';

const ROW_HEIGHT = 20;
const MAX_DIFF_HEIGHT = 420;

type Loaded = { state: 'loading' } | { state: 'failed'; error: ShuttleError } | { state: 'ready'; comparison: RequestFileComparison };

/**
 * The conflict banner's "Compare": the request file as it is on disk now beside the file the draft
 * would become if saved (the engine encodes it exactly as a save would, comments kept), line by
 * line, and which fields differ. The person then keeps their draft or takes the file from here.
 */
export function ConflictCompareDialog({ tab, onResolve, onClose }: { tab: Tab; onResolve: (keep: 'mine' | 'theirs') => void; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [layout, setLayout] = useState<DiffLayout>('split');
  const path = tab.saved?.path;
  const conflictRevision = tab.conflict?.revision;
  // The draft as one string: the comparison is fetched again only when the draft or the file changes.
  const draftSnapshot = snapshotOf(tab);
  const [loaded, setLoaded] = useState<{ for: string; result: Loaded }>();
  const key = `${path}\n${conflictRevision}\n${draftSnapshot}`;

  useEffect(() => {
    if (!path) return;
    let current = true;
    const request = JSON.parse(draftSnapshot) as SavedRequest;
    void api.call('workspace.compareRequest', { path, request }).then((result) => {
      if (current) setLoaded({ for: key, result: result.ok ? { state: 'ready', comparison: result.value } : { state: 'failed', error: result.error } });
    });
    return () => {
      current = false;
    };
  }, [api, path, draftSnapshot, key]);

  const result: Loaded = loaded?.for === key ? loaded.result : { state: 'loading' };
  const comparison = result.state === 'ready' ? result.comparison : undefined;
  // Both files end with a newline; without dropping it each side would show an empty last line.
  const diff = useMemo(() => (comparison ? diffText(withoutFinalNewline(comparison.onDisk), withoutFinalNewline(comparison.draft)) : undefined), [comparison]);
  const onDisk = tab.conflict?.request;
  const fields = useMemo(() => (onDisk ? differingFields(savedRequestOf(tabForSaved(onDisk)), savedRequestOf(tab)) : []), [onDisk, tab]);

  const summary = !diff ? undefined : diff.changes === 0 ? t('workspace.compareSame') : fields.length > 0 ? t('workspace.compareFields', { fields: fields.join(', ') }) : t('workspace.compareFormatting');

  return (
    <Dialog open wide onClose={onClose} title={t('workspace.compareTitle')} closeLabel={t('workspace.cancel')} testId="conflict-compare-dialog">
      <div className="compare-head">
        <span className="compare-path" title={path}>
          {path}
        </span>
        <div className="segmented" role="radiogroup" aria-label={t('diff.layout')}>
          {(['split', 'unified'] as const).map((mode) => (
            <label key={mode} className={layout === mode ? 'segment selected' : 'segment'}>
              <input type="radio" name="compare-layout" value={mode} checked={layout === mode} onChange={() => setLayout(mode)} />
              {t(mode === 'split' ? 'diff.sideBySide' : 'diff.unified')}
            </label>
          ))}
        </div>
      </div>
      {result.state === 'loading' ? (
        <p className="diff-message" role="status">
          <Loader2 size={16} className="spin" aria-hidden /> {t('workspace.compareLoading')}
        </p>
      ) : result.state === 'failed' ? (
        <p className="field-problem" role="alert">
          {errorSentence(t, result.error)}
        </p>
      ) : diff ? (
        <>
          <div className="compare-legend">
            <span className="compare-side compare-side-disk">{t('workspace.compareOnDisk')}</span>
            <span className="compare-side compare-side-draft">{t('workspace.compareDraft')}</span>
          </div>
          <p className="compare-summary" data-testid="compare-summary">
            {summary}
          </p>
          <div className="compare-diff" style={{ height: Math.min(diff.rows.length * ROW_HEIGHT + 2, MAX_DIFF_HEIGHT) }}>
            <DiffRows rows={diff.rows} layout={layout} label={t('workspace.compareTitle')} />
          </div>
        </>
      ) : null}
      <p className="panel-hint compare-hint">{t('workspace.compareHint')}</p>
      <div className="dialog-actions">
        <Button variant="ghost" onClick={onClose}>
          {t('workspace.cancel')}
        </Button>
        <span className="dialog-actions-spacer" />
        <Button variant="secondary" data-testid="compare-keep-mine" onClick={() => onResolve('mine')}>
          {t('workspace.keepMine')}
        </Button>
        <Button variant="primary" data-testid="compare-take-theirs" onClick={() => onResolve('theirs')}>
          {t('workspace.takeTheirs')}
        </Button>
      </div>
    </Dialog>
  );
}

function withoutFinalNewline(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}
