import type { ReactNode } from 'react';
import { CommandPalette } from '../palette/CommandPalette.tsx';
import { SecretStorageAlert } from '../secrets/SecretStorageAlert.tsx';
import { SessionJournal } from '../session/SessionJournal.tsx';
import { VariablesProvider } from '../variables/VariablesContext.tsx';
import { SaveFlowProvider } from './SaveFlow.tsx';
import { WorkspaceProvider } from './WorkspaceContext.tsx';
import { WorkspaceNoticesProvider } from './WorkspaceNotices.tsx';

/**
 * Everything the workspace adds around the tabs: the tree and environments, saving, variables for
 * the active tab, the session journal and the command palette. Goes inside <TabsProvider>.
 */
export function WorkspaceLayer({ children }: { children: ReactNode }) {
  return (
    <WorkspaceNoticesProvider>
      <WorkspaceProvider>
        <SaveFlowProvider>
          <VariablesProvider>
            <SessionJournal />
            <SecretStorageAlert />
            {children}
            <CommandPalette />
          </VariablesProvider>
        </SaveFlowProvider>
      </WorkspaceProvider>
    </WorkspaceNoticesProvider>
  );
}
