import { useEffect, useState } from 'react';
import { ChevronDown, FolderOpen } from 'lucide-react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import type { WorkspaceSummary } from '../../../../shared/model/workspace.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { errorSentence, useI18n } from '../../i18n/I18nProvider.tsx';
import { useWorkspace } from './WorkspaceContext.tsx';

/**
 * The open workspace's name, and a dialog to open another folder by path or switch to a recent
 * one (the web host cannot show a native folder picker, so a path is typed).
 */
export function WorkspaceSwitcher() {
  const { tree } = useWorkspace();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="workspace-switch" data-testid="workspace-switch" title={tree?.root} onClick={() => setOpen(true)}>
        <FolderOpen size={14} aria-hidden />
        <span className="workspace-name">{tree?.name ?? '…'}</span>
        <ChevronDown size={13} aria-hidden />
      </button>
      {open ? <WorkspaceDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function WorkspaceDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { tree, reload } = useWorkspace();
  const [recent, setRecent] = useState<WorkspaceSummary[]>([]);
  const [path, setPath] = useState('');
  const [problem, setProblem] = useState<ShuttleError>();

  useEffect(() => {
    void api.call('workspace.list', {}).then((result) => result.ok && setRecent(result.value.recent));
  }, [api]);

  const openRoot = async (root: string) => {
    const result = await api.call('workspace.open', { root });
    if (!result.ok) return setProblem(result.error);
    await reload();
    onClose();
  };

  return (
    <Dialog open onClose={onClose} title={t('workspace.switchTitle')} closeLabel={t('workspace.cancel')} testId="workspace-dialog">
      <p className="panel-hint">{t('workspace.current', { root: tree?.root ?? '' })}</p>
      {recent.length > 1 ? (
        <ul className="workspace-recent">
          {recent.map((entry) => (
            <li key={entry.root}>
              <button type="button" className="workspace-recent-item" disabled={entry.root === tree?.root} onClick={() => void openRoot(entry.root)}>
                <strong>{entry.name}</strong>
                <span>{entry.root}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="name-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (path.trim() !== '') void openRoot(path.trim());
        }}
      >
        <label className="field">
          <span>{t('workspace.openPath')}</span>
          <input
            className="text-input"
            data-testid="workspace-path"
            value={path}
            placeholder="/home/me/api-workspace"
            spellCheck={false}
            onChange={(event) => {
              setPath(event.target.value);
              setProblem(undefined);
            }}
          />
        </label>
        {problem ? (
          <p className="field-problem" role="alert">
            {errorSentence(t, problem)}
          </p>
        ) : null}
        <div className="dialog-actions">
          <Button variant="primary" type="submit" disabled={path.trim() === ''}>
            {t('workspace.open')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
