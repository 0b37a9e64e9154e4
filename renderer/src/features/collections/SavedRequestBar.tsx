import { useState } from 'react';
import { AlertTriangle, ChevronRight, FileDiff, Save } from 'lucide-react';
import { Button } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isDirty } from '../tabs/saved-tabs.ts';
import type { Tab } from '../tabs/tabs-reducer.ts';
import { useTabs } from '../tabs/TabsContext.tsx';
import { ConflictCompareDialog } from './ConflictCompareDialog.tsx';
import { useSaveFlow } from './SaveFlow.tsx';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Above the request editor: where the request is saved (collection › folder › name), whether it has
 * unsaved edits, Save, and, when its file changed on disk under unsaved edits, the conflict banner.
 */
export function SavedRequestBar({ tab }: { tab: Tab }) {
  const { t } = useI18n();
  const { save } = useSaveFlow();
  const dirty = isDirty(tab);
  const trail = tab.saved ? tab.saved.path.replace(/\.yaml$/, '').split('/') : undefined;

  return (
    <>
      <div className="saved-bar">
        <nav className="breadcrumb" aria-label={t('workspace.location')} data-testid="request-location">
          {trail ? (
            trail.map((part, index) => (
              <span key={index} className={index === trail.length - 1 ? 'crumb current' : 'crumb'}>
                {index > 0 ? <ChevronRight size={12} className="crumb-sep" aria-hidden /> : null}
                {part}
              </span>
            ))
          ) : (
            <span className="crumb unsaved">{t('workspace.unsaved')}</span>
          )}
          {dirty && tab.saved ? <span className="dirty-note">{t('workspace.edited')}</span> : null}
        </nav>
        <Button
          variant="ghost"
          size="sm"
          data-testid="save-request"
          title={`${t('workspace.save')} (${isMac ? '⌘S' : 'Ctrl+S'})`}
          disabled={tab.saved !== undefined && !dirty && !tab.conflict}
          onClick={() => void save(tab.id)}
        >
          <Save size={14} aria-hidden /> {t('workspace.save')}
        </Button>
      </div>
      {tab.conflict ? <ConflictBanner tab={tab} /> : null}
    </>
  );
}

/** A deleted file has nothing to compare with: the banner then offers only to keep the draft or close the tab. */
function ConflictBanner({ tab }: { tab: Tab }) {
  const { t } = useI18n();
  const { dispatch, close } = useTabs();
  const [comparing, setComparing] = useState(false);
  const deleted = tab.conflict?.revision === null;
  const resolve = (keep: 'mine' | 'theirs') => dispatch({ type: 'resolveConflict', tabId: tab.id, keep });
  return (
    <>
      <div className="conflict-banner" role="alert" data-testid="conflict-banner">
        <AlertTriangle size={15} aria-hidden />
        <span>{deleted ? t('workspace.conflictDeleted') : t('workspace.conflictChanged')}</span>
        <span className="conflict-actions">
          {deleted ? null : (
            <Button variant="ghost" size="sm" data-testid="conflict-compare" onClick={() => setComparing(true)}>
              <FileDiff size={14} aria-hidden /> {t('workspace.compare')}
            </Button>
          )}
          <Button variant="secondary" size="sm" data-testid="conflict-keep-mine" onClick={() => resolve('mine')}>
            {t('workspace.keepMine')}
          </Button>
          <Button
            variant="primary"
            size="sm"
            data-testid="conflict-take-theirs"
            onClick={() => (deleted ? close(tab.id, { force: true }) : resolve('theirs'))}
          >
            {deleted ? t('workspace.letGo') : t('workspace.takeTheirs')}
          </Button>
        </span>
      </div>
      {comparing && !deleted ? <ConflictCompareDialog tab={tab} onResolve={resolve} onClose={() => setComparing(false)} /> : null}
    </>
  );
}
