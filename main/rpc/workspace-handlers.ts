import type { WorkspaceCommandResults } from '../../shared/contract/workspace-commands.ts';
import type { Engine } from '../engine/engine.ts';
import type { CommandHandlers } from './router.ts';

type WorkspaceHandlers = Pick<CommandHandlers, keyof WorkspaceCommandResults>;

/** The workspace, environment, variable and session commands (shared/contract/workspace-commands.ts). */
export function createWorkspaceHandlers(engine: Engine): WorkspaceHandlers {
  const workspace = () => engine.workspaces.current();
  return {
    'workspace.list': async () => ({ ...(await engine.workspaces.list()), secretProtection: engine.secrets.protection }),
    'workspace.open': async ({ root }) => (await engine.workspaces.open(root)).tree(),
    'workspace.tree': async () => (await workspace()).tree(),
    'workspace.createCollection': async ({ name }) => (await workspace()).createCollection(name),
    'workspace.createFolder': async ({ parent, name }) => (await workspace()).createFolder(parent, name),
    'workspace.readRequest': async ({ path }) => (await workspace()).readRequest(path),
    'workspace.saveRequest': async (input) => (await workspace()).saveRequest(input),
    'workspace.rename': async ({ path, name }) => (await workspace()).rename(path, name),
    'workspace.duplicate': async ({ path }) => (await workspace()).duplicate(path),
    'workspace.delete': async ({ path }) => (await workspace()).delete(path),
    'workspace.undoDelete': async ({ undoId }) => (await workspace()).undoDelete(undoId),
    'workspace.move': async ({ path, into }) => (await workspace()).move(path, into),
    'workspace.readSettings': async ({ path }) => (await workspace()).readSettings(path),
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
    'variables.list': ({ context }) => engine.variables.list(context),
    'session.load': async () => (await engine.session.load()) ?? null,
    'session.save': async ({ session }) => {
      await engine.session.save(session);
      return { saved: true };
    },
  };
}
