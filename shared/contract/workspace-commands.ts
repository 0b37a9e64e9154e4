import { z } from 'zod';
import { sessionSchema, type Session } from '../model/session.ts';
import {
  environmentEditSchema,
  folderSettingsEditSchema,
  itemNameSchema,
  savedRequestSchema,
  sendContextSchema,
  workspacePathSchema,
  type EnvironmentView,
  type FolderSettings,
  type RequestDocumentView,
  type ScopedVariableView,
  type WorkspaceNode,
  type WorkspaceSummary,
  type WorkspaceTree,
} from '../model/workspace.ts';

const path = workspacePathSchema;
/** A collection or folder, or "" for the workspace itself (global variables). */
const scopePath = z.union([z.literal(''), workspacePathSchema]);

/**
 * Commands of the workspace (collections as files), environments, variables and the session
 * journal; spread into the contract's command map (commands.ts).
 */
export const workspaceCommandPayloads = {
  'workspace.list': z.object({}),
  /** Opens (creating it if missing) the workspace folder at an absolute path and switches to it. */
  'workspace.open': z.object({ root: z.string().min(1).max(4096) }),
  'workspace.tree': z.object({}),
  'workspace.createCollection': z.object({ name: itemNameSchema }),
  'workspace.createFolder': z.object({ parent: path, name: itemNameSchema }),
  'workspace.readRequest': z.object({ path }),
  /** Over an existing file (`path`, optionally only if it still has `ifRevision`), or new in `parent` as `name`. */
  'workspace.saveRequest': z.object({
    path: path.optional(),
    parent: path.optional(),
    name: itemNameSchema.optional(),
    request: savedRequestSchema,
    ifRevision: z.string().max(128).optional(),
  }),
  'workspace.rename': z.object({ path, name: itemNameSchema }),
  'workspace.duplicate': z.object({ path }),
  'workspace.delete': z.object({ path }),
  'workspace.undoDelete': z.object({ undoId: z.string().min(1).max(64) }),
  'workspace.move': z.object({ path, into: path }),
  'workspace.readSettings': z.object({ path: scopePath }),
  'workspace.saveSettings': z.object({ path: scopePath, settings: folderSettingsEditSchema }),
  'environments.list': z.object({ collection: path }),
  'environments.save': z.object({ collection: path, environment: environmentEditSchema, previousName: itemNameSchema.optional() }),
  'environments.delete': z.object({ collection: path, name: itemNameSchema }),
  /** The environment used for sends from a collection; null selects none. */
  'environments.select': z.object({ collection: path, name: itemNameSchema.nullable() }),
  'environments.selected': z.object({}),
  'variables.list': z.object({ context: sendContextSchema.optional() }),
  'session.load': z.object({}),
  'session.save': z.object({ session: sessionSchema }),
} as const;

export interface WorkspaceCommandResults {
  'workspace.list': { current: WorkspaceSummary; recent: WorkspaceSummary[]; secretProtection: 'plain-file' | 'os-encryption' };
  'workspace.open': WorkspaceTree;
  'workspace.tree': WorkspaceTree;
  'workspace.createCollection': WorkspaceNode;
  'workspace.createFolder': WorkspaceNode;
  'workspace.readRequest': RequestDocumentView;
  'workspace.saveRequest': RequestDocumentView;
  'workspace.rename': { path: string };
  'workspace.duplicate': { path: string };
  /** Pass `undoId` to workspace.undoDelete to bring the item back. */
  'workspace.delete': { undoId: string };
  'workspace.undoDelete': { path: string };
  'workspace.move': { path: string };
  'workspace.readSettings': FolderSettings;
  'workspace.saveSettings': FolderSettings;
  'environments.list': EnvironmentView[];
  'environments.save': EnvironmentView;
  'environments.delete': { deleted: boolean };
  'environments.select': { collection: string; name: string | null };
  /** Collection path → selected environment name. */
  'environments.selected': Record<string, string>;
  'variables.list': ScopedVariableView[];
  'session.load': Session | null;
  'session.save': { saved: boolean };
}
