import { useMemo, useState } from 'react';
import { Plus, Trash2 } from 'lucide-react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { errorSentence, useI18n } from '../../i18n/I18nProvider.tsx';
import { useWorkspace } from '../collections/WorkspaceContext.tsx';
import { SecretStorageNote } from '../secrets/SecretStorageNote.tsx';
import { useEnvironments } from './useEnvironments.ts';
import { invalidNames, rowsFromVariables, variablesFromRows, type VariableRow } from './variable-rows.ts';
import { VariablesTable } from './VariablesTable.tsx';

type Editing = { name: string; previousName?: string; rows: VariableRow[]; dirty: boolean };

/** The environments of one collection: a list on the left, the selected one's variables on the right. */
export function EnvironmentEditor({ collection, initial, onClose }: { collection: string; initial?: string; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { reload } = useWorkspace();
  const { environments, refresh } = useEnvironments(collection);
  const [edited, setEditing] = useState<Editing>();
  const [problem, setProblem] = useState<ShuttleError | string>();

  // Until the person picks or edits one, the editor shows the selected environment (or the first).
  const opening = useMemo<Editing | undefined>(() => {
    const chosen = environments.find((environment) => environment.name === initial) ?? environments[0];
    return chosen && { name: chosen.name, previousName: chosen.name, rows: rowsFromVariables(chosen.variables), dirty: false };
  }, [environments, initial]);
  const editing = edited ?? opening;

  const pick = (name: string) => {
    const environment = environments.find((candidate) => candidate.name === name);
    if (environment) setEditing({ name, previousName: name, rows: rowsFromVariables(environment.variables), dirty: false });
    setProblem(undefined);
  };

  const save = async () => {
    if (!editing) return;
    const bad = invalidNames(editing.rows);
    if (bad.length > 0) return setProblem(t('env.badName', { name: bad[0]! }));
    const result = await api.call('environments.save', {
      collection,
      environment: { name: editing.name.trim(), variables: variablesFromRows(editing.rows) },
      previousName: editing.previousName,
    });
    if (!result.ok) return setProblem(result.error);
    setProblem(undefined);
    setEditing({ name: result.value.name, previousName: result.value.name, rows: rowsFromVariables(result.value.variables), dirty: false });
    refresh();
    await reload();
  };

  const remove = async () => {
    if (!editing?.previousName) return setEditing(undefined);
    const result = await api.call('environments.delete', { collection, name: editing.previousName });
    if (!result.ok) return setProblem(result.error);
    setEditing(undefined);
    refresh();
    await reload();
  };

  const problemText = typeof problem === 'string' ? problem : problem ? errorSentence(t, problem) : undefined;

  return (
    <Dialog open wide onClose={onClose} title={t('env.editorTitle', { collection })} closeLabel={t('workspace.cancel')} testId="env-editor">
      <div className="env-editor">
        <aside className="env-list">
          <ul>
            {environments.map((environment) => (
              <li key={environment.name}>
                <button
                  type="button"
                  className={editing?.previousName === environment.name ? 'env-list-item active' : 'env-list-item'}
                  data-testid="env-list-item"
                  onClick={() => pick(environment.name)}
                >
                  {environment.name}
                  <span className="env-count">{environment.variables.length}</span>
                </button>
              </li>
            ))}
            {editing && editing.previousName === undefined ? (
              <li>
                <span className="env-list-item active">{editing.name || t('env.untitled')}</span>
              </li>
            ) : null}
          </ul>
          <Button variant="ghost" size="sm" data-testid="env-new" onClick={() => setEditing({ name: '', rows: [], dirty: true })}>
            <Plus size={14} aria-hidden /> {t('env.new')}
          </Button>
        </aside>
        <section className="env-detail">
          {editing ? (
            <>
              <label className="field env-name-field">
                <span>{t('env.name')}</span>
                <input
                  data-testid="env-name"
                  value={editing.name}
                  placeholder={t('env.namePlaceholderEnv')}
                  spellCheck={false}
                  onChange={(event) => setEditing({ ...editing, name: event.target.value, dirty: true })}
                />
              </label>
              <div className="env-table-wrap">
                <VariablesTable rows={editing.rows} testId="env-variables" onChange={(rows) => setEditing({ ...editing, rows, dirty: true })} />
              </div>
              <SecretStorageNote />
              {problemText ? (
                <p className="field-problem" role="alert" data-testid="env-problem">
                  {problemText}
                </p>
              ) : null}
              <div className="dialog-actions">
                <Button variant="ghost" data-testid="env-delete" onClick={() => void remove()}>
                  <Trash2 size={14} aria-hidden /> {t('env.delete')}
                </Button>
                <span className="dialog-actions-spacer" />
                <Button variant="primary" data-testid="env-save" disabled={!editing.dirty || editing.name.trim() === ''} onClick={() => void save()}>
                  {t('env.save')}
                </Button>
              </div>
            </>
          ) : (
            <p className="empty-hint">{t('env.empty')}</p>
          )}
        </section>
      </div>
    </Dialog>
  );
}
