import { useEffect, useId, useRef, useState } from 'react';
import { ArrowRight, Loader2, X } from 'lucide-react';
import type { BodyDiff } from '../../../../shared/diff/diff-types.ts';
import type { HistoryDiff, HistoryEntrySummary } from '../../../../shared/model/history.ts';
import { IconButton } from '../../components/Button.tsx';
import { TabList } from '../../components/TabList.tsx';
import { errorSentence, useI18n } from '../../i18n/I18nProvider.tsx';
import { statusClass } from '../response/format.ts';
import { DiffRows, type DiffLayout } from '../../components/DiffRows.tsx';
import { formatMoment } from './format-time.ts';
import { HeaderDiffTable } from './HeaderDiffTable.tsx';
import { displayPath } from './history-rows.ts';
import { useDiff, type DiffRequest } from './useDiff.ts';

type Section = 'body' | 'headers';

/**
 * Two responses compared: the body structurally (JSON) or by line, side by side or unified, and
 * the headers, with volatile ones (Date, ETag…) hidden unless asked for.
 */
export function DiffDialog({ request, onClose }: { request: DiffRequest | null; onClose: () => void }) {
  const { t } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const loaded = useDiff(request);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (request && !dialog.open) dialog.showModal();
    if (!request && dialog.open) dialog.close();
  }, [request]);

  return (
    <dialog ref={dialogRef} className="dialog diff-dialog" aria-labelledby={titleId} data-testid="diff-view" data-state={loaded.state} onClose={onClose}>
      <header className="dialog-header">
        <h2 id={titleId}>{t('diff.title')}</h2>
        <IconButton label={t('history.close')} onClick={onClose}>
          <X size={16} />
        </IconButton>
      </header>
      {request && loaded.state === 'loading' ? (
        <div className="diff-message" role="status">
          <Loader2 size={18} className="spin" aria-hidden /> {t('diff.loading')}
        </div>
      ) : null}
      {loaded.state === 'no-previous' ? <p className="diff-message">{t('diff.noPrevious')}</p> : null}
      {loaded.state === 'failed' ? (
        <p className="diff-message field-problem" role="alert">
          {errorSentence(t, loaded.error)}
        </p>
      ) : null}
      {request && loaded.state === 'ready' ? <DiffContent diff={loaded.diff} /> : null}
    </dialog>
  );
}

function DiffContent({ diff }: { diff: HistoryDiff }) {
  const { t } = useI18n();
  const [section, setSection] = useState<Section>('body');
  const [layout, setLayout] = useState<DiffLayout>('split');
  const [ignoreVolatile, setIgnoreVolatile] = useState(true);
  const headers = ignoreVolatile ? diff.headers.filter((row) => !row.volatile) : diff.headers;
  const hiddenVolatile = diff.headers.length - headers.length;
  const headerChanges = headers.filter((row) => row.kind !== 'same').length;

  return (
    <div className="diff-content">
      <div className="diff-sides">
        <EntryCard entry={diff.left} />
        <ArrowRight size={16} className="diff-arrow" aria-hidden />
        <EntryCard entry={diff.right} />
      </div>
      <TabList<Section>
        idPrefix="diff"
        label={t('diff.title')}
        selected={section}
        onSelect={setSection}
        items={[
          { key: 'body', label: <>{t('diff.body')}<ChangeCount count={diff.body.changes} /></>, testId: 'diff-section-body' },
          { key: 'headers', label: <>{t('diff.headers')}<ChangeCount count={headerChanges} /></>, testId: 'diff-section-headers' },
        ]}
        trailing={
          <div className="diff-toolbar">
            {section === 'body' ? (
              <div className="segmented" role="radiogroup" aria-label={t('diff.layout')}>
                {(['split', 'unified'] as const).map((mode) => (
                  <label key={mode} className={layout === mode ? 'segment selected' : 'segment'}>
                    <input type="radio" name="diff-layout" value={mode} checked={layout === mode} onChange={() => setLayout(mode)} data-testid={`diff-layout-${mode}`} />
                    {t(mode === 'split' ? 'diff.sideBySide' : 'diff.unified')}
                  </label>
                ))}
              </div>
            ) : (
              <label className="check-label">
                <input type="checkbox" checked={ignoreVolatile} onChange={(event) => setIgnoreVolatile(event.target.checked)} data-testid="diff-ignore-volatile" />
                {t('diff.ignoreVolatile')}
                {ignoreVolatile && hiddenVolatile > 0 ? <span className="hint">{t('diff.volatileHidden', { count: hiddenVolatile })}</span> : null}
              </label>
            )}
          </div>
        }
      />
      <div className="diff-panel" role="tabpanel" id="diff-panel" aria-labelledby={`diff-tab-${section}`}>
        {section === 'body' ? <BodySection body={diff.body} layout={layout} /> : <HeaderDiffTable rows={headers} />}
      </div>
    </div>
  );
}

function BodySection({ body, layout }: { body: BodyDiff; layout: DiffLayout }) {
  const { t } = useI18n();
  const notes: string[] = [];
  if (body.format === 'none') notes.push(t('diff.noBody'));
  else if (body.format === 'binary') notes.push(body.identical ? t('diff.binarySame') : t('diff.binaryDifferent'));
  else if (body.format === 'json' && body.changes === 0) notes.push(t('diff.sameJson'));
  else if (body.format === 'text' && body.changes === 0) notes.push(t('diff.sameText'));
  else if (body.format === 'json') notes.push(t('diff.changedPaths', { paths: summarisePaths(body.changedPaths) }));
  if (body.partial) notes.push(t('diff.partial'));
  return (
    <div className="diff-body-section" data-format={body.format}>
      {notes.length > 0 ? (
        <p className="diff-notes" data-testid="diff-summary">
          {notes.join(' ')}
        </p>
      ) : null}
      {body.rows.length > 0 ? <DiffRows rows={body.rows} layout={layout} label={t('diff.body')} /> : null}
    </div>
  );
}

function EntryCard({ entry }: { entry: HistoryEntrySummary }) {
  const { t, locale } = useI18n();
  return (
    <div className="diff-side" title={entry.url}>
      <span className={`method-badge method-${entry.method.toLowerCase()}`}>{entry.method}</span>
      <span className="diff-side-path">{displayPath(entry.url)}</span>
      {entry.status === null ? (
        <span className="status-pill status-server-error">{t('history.failed')}</span>
      ) : (
        <span className={`status-pill status-${statusClass(entry.status)}`}>{entry.status}</span>
      )}
      <time className="diff-side-time" dateTime={new Date(entry.sentAt).toISOString()}>
        {formatMoment(entry.sentAt, locale)}
      </time>
    </div>
  );
}

function ChangeCount({ count }: { count: number }) {
  const { t } = useI18n();
  return <span className={count > 0 ? 'count diff-count' : 'count diff-count none'}>{count === 0 ? t('diff.noChanges') : count}</span>;
}

/** "$.count, $.items[2].name and 3 more". */
function summarisePaths(paths: string[]): string {
  const shown = paths.slice(0, 3).join(', ');
  return paths.length > 3 ? `${shown} +${paths.length - 3}` : shown;
}
