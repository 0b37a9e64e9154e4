import { ShuttleFailure } from '../../shared/contract/errors.ts';
import type { WorkspaceCommandResults } from '../../shared/contract/workspace-commands.ts';
import type { Engine } from '../engine/engine.ts';
import { existingItemPath } from '../store/workspace/workspace-paths.ts';
import type { CommandHandlers } from './router.ts';

type WorkspaceHandlers = Pick<CommandHandlers, keyof WorkspaceCommandResults>;

/** What only some hosts can do; the renderer learns which from its platform's capabilities. */
export interface HostFacilities {
  /** Shows a file or folder (an absolute path inside the open workspace) in the system's file manager. */
  showInFileManager?: (absolutePath: string) => void;
}

/** The workspace, environment, variable, secret and session commands (shared/contract/workspace-commands.ts). */
export function createWorkspaceHandlers(engine: Engine, facilities: HostFacilities = {}): WorkspaceHandlers {
  const workspace = () => engine.workspaces.current();
  return {
    'workspace.list': () => engine.workspaces.list(),
    'workspace.open': async ({ root }) => (await engine.workspaces.open(root)).tree(),
    'workspace.tree': async () => (await workspace()).tree(),
    'workspace.createCollection': async ({ name }) => (await workspace()).createCollection(name),
    'workspace.createFolder': async ({ parent, name }) => (await workspace()).createFolder(parent, name),
    'workspace.readRequest': async ({ path }) => (await workspace()).readRequest(path),
    'workspace.saveRequest': async (input) => (await workspace()).saveRequest(input),
    'workspace.compareRequest': async ({ path, request }) => (await workspace()).compareRequest(path, request),
    'workspace.rename': async ({ path, name }) => (await workspace()).rename(path, name),
    'workspace.duplicate': async ({ path }) => (await workspace()).duplicate(path),
    'workspace.delete': async ({ path }) => (await workspace()).delete(path),
    'workspace.undoDelete': async ({ undoId }) => (await workspace()).undoDelete(undoId),
    'workspace.move': async ({ path, into }) => (await workspace()).move(path, into),
    'workspace.reveal': async ({ path }) => {
      const { showInFileManager } = facilities;
      if (!showInFileManager) throw new ShuttleFailure('NOT_FOUND', 'This host has no file manager to show files in', { command: 'workspace.reveal' });
      showInFileManager(await existingItemPath((await workspace()).root, path));
      return { revealed: true };
    },
    'workspace.readSettings': async ({ path }) => (await workspace()).readSettings(path),
    'workspace.readInherited': async ({ path }) => (await workspace()).readInherited(path),
    'workspace.saveSettings': async ({ path, settings }) => (await workspace()).saveSettings(path, settings),
    'environments.list': async ({ collection }) => (await workspace()).listEnvironments(collection),
    'environments.save': async ({ collection, environment, previousName }) => {
      const saved = await (await workspace()).saveEnvironment(collection, environment, previousName);
      // A renamed environment stays selected under its new name.
      if (previousName !== undefined && previousName !== environment.name && (await engine.workspaces.selectedEnvironment(collection)) === previousName) {
        await engine.workspaces.selectEnvironment(collection, environment.name);
      }
      return saved;
    },
    'environments.delete': async ({ collection, name }) => {
      await (await workspace()).deleteEnvironment(collection, name);
      if ((await engine.workspaces.selectedEnvironment(collection)) === name) await engine.workspaces.selectEnvironment(collection, null);
      return { deleted: true };
    },
    'environments.select': async ({ collection, name }) => {
      await engine.workspaces.selectEnvironment(collection, name);
      return { collection, name };
    },
    'environments.selected': () => engine.workspaces.selectedEnvironments(),
    'variables.list': ({ context, requestVariables }) => engine.variables.list(context, requestVariables),
    'secrets.status': () => engine.secrets.status(),
    'session.load': async () => (await engine.session.load()) ?? null,
    'session.save': async ({ session }) => {
      await engine.session.save(session);
      return { saved: true };
    },
  };
}
