import { z } from 'zod';
import { requestVariableSchema } from '../model/request.ts';
import type { SecretStorageStatus } from '../model/secrets.ts';
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
  type InheritedLayerView,
  type RequestDocumentView,
  type RequestFileComparison,
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
  /** The file at `path` as it is on disk and as saving `request` over it would write it (CHANGED_ON_DISK's "compare"). */
  'workspace.compareRequest': z.object({ path, request: savedRequestSchema }),
  'workspace.rename': z.object({ path, name: itemNameSchema }),
  'workspace.duplicate': z.object({ path }),
  'workspace.delete': z.object({ path }),
  'workspace.undoDelete': z.object({ undoId: z.string().min(1).max(64) }),
  'workspace.move': z.object({ path, into: path }),
  /** Shows a collection, folder or request in the system's file manager: desktop only (`canRevealFiles`); elsewhere NOT_FOUND. */
  'workspace.reveal': z.object({ path }),
  'workspace.readSettings': z.object({ path: scopePath }),
  /** The collection and folders a request (or collection or folder) at `path` inherits headers, auth and settings from. */
  'workspace.readInherited': z.object({ path }),
  'workspace.saveSettings': z.object({ path: scopePath, settings: folderSettingsEditSchema }),
  'environments.list': z.object({ collection: path }),
  'environments.save': z.object({ collection: path, environment: environmentEditSchema, previousName: itemNameSchema.optional() }),
  'environments.delete': z.object({ collection: path, name: itemNameSchema }),
  /** The environment used for sends from a collection; null selects none. */
  'environments.select': z.object({ collection: path, name: itemNameSchema.nullable() }),
  'environments.selected': z.object({}),
  /** `requestVariables`: the request scope as being edited (they replace the saved file's). */
  'variables.list': z.object({ context: sendContextSchema.optional(), requestVariables: z.array(requestVariableSchema).max(5_000).optional() }),
  /** Where secret values are kept and how well, and values the store cannot read or has moved. */
  'secrets.status': z.object({}),
  'session.load': z.object({}),
  'session.save': z.object({ session: sessionSchema }),
} as const;

export interface WorkspaceCommandResults {
  'workspace.list': { current: WorkspaceSummary; recent: WorkspaceSummary[] };
  'workspace.open': WorkspaceTree;
  'workspace.tree': WorkspaceTree;
  'workspace.createCollection': WorkspaceNode;
  'workspace.createFolder': WorkspaceNode;
  'workspace.readRequest': RequestDocumentView;
  'workspace.saveRequest': RequestDocumentView;
  'workspace.compareRequest': RequestFileComparison;
  'workspace.rename': { path: string };
  'workspace.duplicate': { path: string };
  /** Pass `undoId` to workspace.undoDelete to bring the item back. */
  'workspace.delete': { undoId: string };
  'workspace.undoDelete': { path: string };
  'workspace.move': { path: string };
  'workspace.reveal': { revealed: boolean };
  'workspace.readSettings': FolderSettings;
  'workspace.saveSettings': FolderSettings;
  /** Outermost (the collection) first; empty outside a collection. */
  'workspace.readInherited': InheritedLayerView[];
  'environments.list': EnvironmentView[];
  'environments.save': EnvironmentView;
  'environments.delete': { deleted: boolean };
  'environments.select': { collection: string; name: string | null };
  /** Collection path → selected environment name. */
  'environments.selected': Record<string, string>;
  'variables.list': ScopedVariableView[];
  'secrets.status': SecretStorageStatus;
  'session.load': Session | null;
  'session.save': { saved: boolean };
}
