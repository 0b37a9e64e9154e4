import { useEffect, useMemo, useState } from 'react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import type { AuthSpec, RequestSettings } from '../../../../shared/model/request.ts';
import type { WorkspaceNode } from '../../../../shared/model/workspace.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { KeyValueTable } from '../../components/KeyValueTable.tsx';
import { TabList } from '../../components/TabList.tsx';
import { errorSentence, useI18n } from '../../i18n/I18nProvider.tsx';
import { invalidNames, rowsFromVariables, variablesFromRows, type VariableRow } from '../environments/variable-rows.ts';
import { VariablesTable } from '../environments/VariablesTable.tsx';
import { AuthPanel } from '../request/AuthPanel.tsx';
import { inheritedAuthOf, inheritedSettingsOf } from '../request/inherited-views.ts';
import { RequestSettingsPanel } from '../request/RequestSettingsPanel.tsx';
import { useInheritedLayers } from '../request/useInheritedLayers.ts';
import { SecretStorageNote } from '../secrets/SecretStorageNote.tsx';
import { newRowId, type HeaderRow } from '../tabs/request-draft.ts';
import { useWorkspace } from './WorkspaceContext.tsx';

type Section = 'variables' | 'headers' | 'auth' | 'settings';

interface Editing {
  variables: VariableRow[];
  headers: HeaderRow[];
  auth: AuthSpec;
  settings: RequestSettings | undefined;
}

/** What a collection or folder passes down to its requests: variables, headers, auth and request settings. */
export function CollectionSettingsDialog({ node, onClose }: { node: WorkspaceNode; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { reload } = useWorkspace();
  const [section, setSection] = useState<Section>('variables');
  const [editing, setEditing] = useState<Editing>();
  const [problem, setProblem] = useState<ShuttleError | string>();
  // "Inherit" on a folder means its parent's auth; a collection has nothing above it.
  const parentLayers = useInheritedLayers(node.kind === 'folder' ? node.path.slice(0, node.path.lastIndexOf('/')) : undefined);
  const inheritedAuth = node.kind === 'collection' ? null : inheritedAuthOf(parentLayers);
  const inheritedSettings = useMemo(() => (node.kind === 'collection' ? {} : inheritedSettingsOf(parentLayers)), [node.kind, parentLayers]);

  useEffect(() => {
    void api.call('workspace.readSettings', { path: node.path }).then((result) => {
      if (!result.ok) return setProblem(result.error);
      setEditing({
        variables: rowsFromVariables(result.value.variables),
        headers: result.value.headers.map((row) => ({ ...row, id: newRowId() })),
        auth: result.value.auth ?? { type: 'inherit' },
        settings: result.value.settings,
      });
    });
  }, [api, node.path]);

  const save = async () => {
    if (!editing) return;
    const bad = invalidNames(editing.variables);
    if (bad.length > 0) return setProblem(t('env.badName', { name: bad[0]! }));
    const result = await api.call('workspace.saveSettings', {
      path: node.path,
      settings: {
        variables: variablesFromRows(editing.variables),
        headers: editing.headers.filter((row) => row.name.trim() !== '' || row.value !== '').map(({ name, value, enabled }) => ({ name, value, enabled })),
        auth: editing.auth.type === 'inherit' ? undefined : editing.auth,
        settings: editing.settings,
      },
    });
    if (!result.ok) return setProblem(result.error);
    await reload();
    onClose();
  };

  const problemText = typeof problem === 'string' ? problem : problem ? errorSentence(t, problem) : undefined;

  return (
    <Dialog open wide onClose={onClose} title={t('workspace.settingsOf', { name: node.name })} closeLabel={t('workspace.cancel')} testId="collection-settings">
      <p className="panel-hint">{t('workspace.settingsHint')}</p>
      <TabList<Section>
        idPrefix="scope-settings"
        label={t('workspace.settings')}
        selected={section}
        onSelect={setSection}
        items={[
          { key: 'variables', label: t('env.variables') },
          { key: 'headers', label: t('request.headers') },
          { key: 'auth', label: t('request.auth') },
          { key: 'settings', label: t('request.settings') },
        ]}
      />
      <div className="scope-settings-panel" role="tabpanel" id="scope-settings-panel" aria-labelledby={`scope-settings-tab-${section}`}>
        {!editing ? null : section === 'variables' ? (
          <VariablesTable rows={editing.variables} testId="scope-variables" onChange={(variables) => setEditing({ ...editing, variables })} />
        ) : section === 'headers' ? (
          <KeyValueTable
            rows={editing.headers}
            testId="scope-headers"
            label={t('request.headers')}
            namePlaceholder={t('table.namePlaceholder')}
            onChange={(headers) => setEditing({ ...editing, headers })}
          />
        ) : section === 'auth' ? (
          <AuthPanel auth={editing.auth} settings={editing.settings ?? {}} inherited={inheritedAuth} onChange={(auth) => setEditing({ ...editing, auth })} />
        ) : (
          <RequestSettingsPanel
            settings={editing.settings ?? {}}
            inherited={inheritedSettings}
            onChange={(settings) => setEditing({ ...editing, settings: Object.keys(settings).length > 0 ? settings : undefined })}
          />
        )}
      </div>
      {section === 'variables' ? <SecretStorageNote /> : null}
      {problemText ? (
        <p className="field-problem" role="alert">
          {problemText}
        </p>
      ) : null}
      <div className="dialog-actions">
        <Button variant="ghost" onClick={onClose}>
          {t('workspace.cancel')}
        </Button>
        <Button variant="primary" data-testid="scope-settings-save" disabled={!editing} onClick={() => void save()}>
          {t('env.save')}
        </Button>
      </div>
    </Dialog>
  );
}
