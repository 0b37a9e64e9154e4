import { useState } from 'react';
import { Braces, Globe, SlidersHorizontal } from 'lucide-react';
import { IconButton } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { collectionOf } from '../collections/tree-rows.ts';
import { useWorkspace } from '../collections/WorkspaceContext.tsx';
import { useTabs } from '../tabs/TabsContext.tsx';
import { EnvironmentEditor } from './EnvironmentEditor.tsx';
import { GlobalVariablesDialog } from './GlobalVariablesDialog.tsx';
import { useEnvironments } from './useEnvironments.ts';

/**
 * The environment of the active tab's collection (one selected per collection, remembered by the
 * engine across restarts), the way into the environment editor, and into the workspace's global
 * variables (which every request sees, in a collection or not).
 */
export function EnvironmentSelect() {
  const { t } = useI18n();
  const { activeTab } = useTabs();
  const { selectedEnvironments, selectEnvironment } = useWorkspace();
  const collection = activeTab.saved ? collectionOf(activeTab.saved.path) : undefined;
  const { environments } = useEnvironments(collection);
  const [editing, setEditing] = useState(false);
  const [editingGlobals, setEditingGlobals] = useState(false);
  const selected = collection ? selectedEnvironments[collection] : undefined;

  return (
    <div className="env-bar">
      <Globe size={14} className="env-icon" aria-hidden />
      <select
        className="env-select"
        data-testid="env-select"
        aria-label={t('env.select')}
        title={collection ? t('env.selectFor', { collection }) : t('env.needsCollection')}
        disabled={!collection}
        value={selected ?? ''}
        onChange={(event) => collection && void selectEnvironment(collection, event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{t('env.none')}</option>
        {environments.map((environment) => (
          <option key={environment.name} value={environment.name}>
            {environment.name}
          </option>
        ))}
      </select>
      <IconButton label={t('env.manage')} data-testid="env-manage" disabled={!collection} onClick={() => setEditing(true)}>
        <SlidersHorizontal size={15} />
      </IconButton>
      <IconButton label={t('globals.open')} data-testid="globals-open" onClick={() => setEditingGlobals(true)}>
        <Braces size={15} />
      </IconButton>
      {editing && collection ? <EnvironmentEditor collection={collection} initial={selected} onClose={() => setEditing(false)} /> : null}
      {editingGlobals ? <GlobalVariablesDialog onClose={() => setEditingGlobals(false)} /> : null}
    </div>
  );
}
