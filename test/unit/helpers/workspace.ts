import { onTestFinished } from 'vitest';
import type { HttpRequestSpec } from '../../../shared/model/request.ts';
import type { SavedRequest } from '../../../shared/model/workspace.ts';
import { createFileSecretStore } from '../../../main/store/secrets/file-secret-store.ts';
import type { SecretStore } from '../../../main/store/secrets/secret-store.ts';
import { Workspace, type WorkspaceOptions } from '../../../main/store/workspace/workspace.ts';
import { tempDir } from './temp-dir.ts';

export interface TestWorkspace {
  workspace: Workspace;
  /** The workspace folder (real path). */
  root: string;
  dataDir: string;
  secrets: SecretStore;
  /** Every batch of changed paths the watcher reported, oldest first. */
  changes: string[][];
}

/** A workspace in a fresh temp folder (data dir beside it), closed when the test ends. */
export async function openTestWorkspace(options: Partial<WorkspaceOptions> = {}): Promise<TestWorkspace> {
  const dataDir = options.dataDir ?? (await tempDir());
  const secrets = options.secrets ?? createFileSecretStore(dataDir);
  const changes: string[][] = [];
  const workspace = await Workspace.open({
    root: options.root ?? `${dataDir}/workspaces/default`,
    dataDir,
    secrets,
    watch: options.watch ?? false,
    writeFile: options.writeFile,
    onChange: (paths, root) => {
      changes.push(paths);
      options.onChange?.(paths, root);
    },
  });
  onTestFinished(() => workspace.close());
  return { workspace, root: workspace.root, dataDir, secrets, changes };
}

export function http(spec: Partial<HttpRequestSpec> = {}): SavedRequest {
  return { kind: 'http', spec: { method: 'GET', url: 'http://127.0.0.1:1/', headers: [], body: { mode: 'none', text: '' }, ...spec } };
}
