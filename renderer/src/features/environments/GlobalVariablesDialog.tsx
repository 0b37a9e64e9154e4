import { useEffect, useState } from 'react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { errorSentence, useI18n } from '../../i18n/I18nProvider.tsx';
import { useWorkspace } from '../collections/WorkspaceContext.tsx';
import { SecretStorageNote } from '../secrets/SecretStorageNote.tsx';
import { invalidNames, rowsFromVariables, variablesFromRows, type VariableRow } from './variable-rows.ts';
import { VariablesTable } from './VariablesTable.tsx';

/**
 * The workspace's global variables (workspace.yaml), the lowest scope: the same table as an
 * environment's, secrets going to the secret store and only their names to the file.
 */
export function GlobalVariablesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { reload } = useWorkspace();
  const [rows, setRows] = useState<VariableRow[]>();
  const [problem, setProblem] = useState<ShuttleError | string>();

  useEffect(() => {
    void api.call('workspace.readSettings', { path: '' }).then((result) => {
      if (result.ok) setRows(rowsFromVariables(result.value.variables));
      else setProblem(result.error);
    });
  }, [api]);

  const save = async () => {
    if (!rows) return;
    const bad = invalidNames(rows);
    if (bad.length > 0) return setProblem(t('env.badName', { name: bad[0]! }));
    const result = await api.call('workspace.saveSettings', { path: '', settings: { variables: variablesFromRows(rows), headers: [] } });
    if (!result.ok) return setProblem(result.error);
    await reload();
    onClose();
  };

  const problemText = typeof problem === 'string' ? problem : problem ? errorSentence(t, problem) : undefined;

  return (
    <Dialog open wide onClose={onClose} title={t('globals.title')} closeLabel={t('workspace.cancel')} testId="globals-editor">
      <p className="panel-hint">{t('globals.hint')}</p>
      {rows ? (
        <div className="env-table-wrap">
          <VariablesTable rows={rows} testId="global-variables" onChange={setRows} />
        </div>
      ) : null}
      <SecretStorageNote />
      {problemText ? (
        <p className="field-problem" role="alert" data-testid="globals-problem">
          {problemText}
        </p>
      ) : null}
      <div className="dialog-actions">
        <Button variant="ghost" onClick={onClose}>
          {t('workspace.cancel')}
        </Button>
        <Button variant="primary" data-testid="globals-save" disabled={!rows} onClick={() => void save()}>
          {t('env.save')}
        </Button>
      </div>
    </Dialog>
  );
}
