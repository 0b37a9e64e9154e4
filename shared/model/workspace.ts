import { z } from 'zod';
import {
  authSpecSchema,
  headerEntrySchema,
  httpRequestSpecSchema,
  requestSettingsSchema,
  variableNameSchema,
  type AuthType,
  type HeaderEntry,
  type RequestSettings,
} from './request.ts';
import { wsRequestSpecSchema } from './websocket.ts';

/**
 * The workspace on disk (docs/workspace-format.md): a folder of collections, collections and folders
 * as directories, one YAML file per request. Paths cross the contract relative to the workspace
 * root, with "/" separators, so the UI never sees or sends an absolute path inside it.
 */

/** Every document's `formatVersion`; older documents are migrated on read (main/store/workspace/migrations.ts). */
export const WORKSPACE_FORMAT_VERSION = 1;

/** A saved request is one of these; the file's `kind:` says which. */
export const REQUEST_KINDS = ['http', 'websocket'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** A relative path inside the workspace: no leading "/", no "." or ".." segments, no backslashes. */
export const workspacePathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((path) => path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..'), 'must be a relative path inside the workspace')
  .refine((path) => !path.includes('\\') && !hasControlCharacter(path), 'must not contain backslashes or control characters');

/** The same rules as workspacePathSchema as a plain check, for the engine's hot paths (every file access). */
export function isWorkspacePath(path: string): boolean {
  return (
    path.length >= 1 &&
    path.length <= 4096 &&
    !path.includes('\\') &&
    !hasControlCharacter(path) &&
    path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
  );
}

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The name of a collection, folder, request or environment: it becomes a file or directory name. */
export const itemNameSchema = z
  .string()
  .min(1)
  .max(120)
  .refine((name) => !/[/\\:*?"<>|]/.test(name) && !hasControlCharacter(name), 'must not contain / \\ : * ? " < > | or control characters')
  .refine((name) => !name.startsWith('.') && name.trim() === name && !name.endsWith('.'), 'must not start with a dot or start or end with a space or dot');

/** A variable as stored in a workspace file. A secret one keeps only its name there; its value lives in the secret store. */
export const variableDefinitionSchema = z.object({
  name: variableNameSchema,
  value: z.string().max(1024 * 1024),
  enabled: z.boolean(),
  secret: z.boolean(),
});
export type VariableDefinition = z.infer<typeof variableDefinitionSchema>;

/** A variable as the UI edits it: for a secret, an absent value means "keep the stored one". */
export const variableEditSchema = variableDefinitionSchema.extend({ value: z.string().max(1024 * 1024).optional() });
export type VariableEdit = z.infer<typeof variableEditSchema>;

/** A variable as the UI sees it: a secret's value never leaves the engine, only whether one is set. */
export interface VariableView {
  name: string;
  /** Empty for a secret. */
  value: string;
  enabled: boolean;
  secret: boolean;
  /** For a secret: a value is stored. */
  hasValue: boolean;
}

/** Headers, auth and request settings a collection or folder passes down to the requests inside it. */
export const inheritedSettingsSchema = z.object({
  headers: z.array(headerEntrySchema).max(1_000),
  auth: authSpecSchema.optional(),
  settings: requestSettingsSchema.optional(),
});
export type InheritedSettings = z.infer<typeof inheritedSettingsSchema>;

/**
 * A collection or folder a request inherits from, as the request editor explains it ("from Shop").
 * Auth is only its type (the editor says which auth applies, not its credentials), and settings
 * come without a client certificate's secrets: no passphrase, no inline key or bundle bytes (their
 * names and `missingSecrets` stay, so the editor can say one is missing here).
 */
export interface InheritedLayerView {
  kind: 'collection' | 'folder';
  /** Relative to the workspace root. */
  path: string;
  name: string;
  headers: HeaderEntry[];
  auth?: { type: AuthType };
  settings?: RequestSettings;
}

/** The small settings file of a collection or folder (and, variables only, of the workspace). */
export interface FolderSettings extends InheritedSettings {
  variables: VariableView[];
}
export const folderSettingsEditSchema = inheritedSettingsSchema.extend({ variables: z.array(variableEditSchema).max(5_000) });
export type FolderSettingsEdit = z.infer<typeof folderSettingsEditSchema>;

export const savedRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('http'), spec: httpRequestSpecSchema }),
  z.object({ kind: z.literal('websocket'), spec: wsRequestSpecSchema }),
]);
/** What a request file holds, by kind. */
export type SavedRequest = z.infer<typeof savedRequestSchema>;

export interface RequestDocumentView {
  path: string;
  name: string;
  request: SavedRequest;
  /** A hash of the file's bytes: a save may insist the file still has it (no silent overwrite of someone else's change). */
  revision: string;
}

/**
 * A request file as it is on disk now and as saving a draft over it would write it (the file's
 * comments kept), so a person can compare the two before choosing which to keep.
 */
export interface RequestFileComparison {
  path: string;
  /** The revision of the file as compared. */
  revision: string;
  onDisk: string;
  draft: string;
}

export interface EnvironmentView {
  name: string;
  variables: VariableView[];
}
export const environmentEditSchema = z.object({ name: itemNameSchema, variables: z.array(variableEditSchema).max(5_000) });
export type EnvironmentEdit = z.infer<typeof environmentEditSchema>;

export type WorkspaceNodeKind = 'collection' | 'folder' | 'request';

export interface WorkspaceNode {
  kind: WorkspaceNodeKind;
  name: string;
  /** Relative to the workspace root: "Shop", "Shop/Orders", "Shop/Orders/Create order.yaml". */
  path: string;
  /** Collections and folders: folders first, then requests, each by name. */
  children?: WorkspaceNode[];
  requestKind?: RequestKind;
  method?: string;
  url?: string;
}

export const PROBLEM_REASONS = [
  'invalid-yaml',
  'invalid-document',
  'unknown-version',
  'too-large',
  'symlink',
  'link-outside-workspace',
  'unreadable',
  'too-deep',
] as const;
export type ProblemReason = (typeof PROBLEM_REASONS)[number];

/** A file or directory that could not be loaded; everything else still is. */
export interface WorkspaceProblem {
  path: string;
  reason: ProblemReason;
  /** Developer-facing detail in English (line and column for YAML errors). */
  message: string;
}

export interface WorkspaceTree {
  /** The workspace folder, absolute (it is the user's own folder, shown so they can find it). */
  root: string;
  name: string;
  collections: WorkspaceNode[];
  problems: WorkspaceProblem[];
}

export interface WorkspaceSummary {
  root: string;
  name: string;
}

/** Where a send comes from, so the engine resolves variables and inherited headers, auth and settings. */
export const sendContextSchema = z.object({
  /** A saved request: its collection and folders come from the path. */
  requestPath: workspacePathSchema.optional(),
  /** A request that is not saved yet but belongs to a collection (or a folder in one). */
  collectionPath: workspacePathSchema.optional(),
  /** Overrides the collection's selected environment for this send (the CLI's --env). */
  environment: itemNameSchema.optional(),
  /** Highest-precedence variables (set by scripts, or a data file row in a run). */
  runtime: z.array(variableDefinitionSchema.pick({ name: true, value: true })).max(5_000).optional(),
});
export type SendContext = z.infer<typeof sendContextSchema>;

/** A variable visible from a send context, and the scope its value comes from (for highlighting and hover). */
export interface ScopedVariableView {
  name: string;
  /** Empty for a secret: its value never leaves the engine. */
  value: string;
  scope: 'global' | 'collection' | 'environment' | 'folder' | 'request' | 'runtime';
  secret: boolean;
  /** The collection, environment or folder it comes from (for the hover: "Folder · Orders"). */
  source?: string;
}
