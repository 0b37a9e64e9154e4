import type { SecretStorageStatus } from '../../../shared/model/secrets.ts';

/**
 * Where secret values live (secret variables, and a saved client certificate's passphrase and
 * inline key or bundle): never in workspace files, exports or logs. The engine receives
 * one from its host: the web host and the CLI use the 0600 file (file-secret-store.ts); the Electron
 * host passes one encrypted with `safeStorage` (encrypted-secret-store.ts) when the system offers a
 * keychain, and the 0600 file otherwise.
 */
export interface SecretStore {
  /** How values are protected, and what the person should know about them (values it cannot read, values it moved). */
  status(): Promise<SecretStorageStatus>;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every stored key, to move or drop the secrets of a renamed, moved or deleted item or environment. */
  keys(): Promise<string[]>;
}

// Names and paths cannot hold control characters, so this separator is unambiguous.
const SEPARATOR = '\u001f';

/** What a secret belongs to: the workspace, the scope it is defined in, and its name. */
export interface SecretAddress {
  root: string;
  /**
   * Variables: "global", "collection:<path>", "folder:<path>" or "environment:<collection path>/<name>".
   * A client certificate's parts: the collection's or folder's scope, or "request:<path>". A deleted
   * item's secrets wait for undo as "trash:<undo id>:<scope>".
   */
  scope: string;
  /** A variable's name, or "clientCert/passphrase", "clientCert/key", "clientCert/pfx" (never a variable's: no "/" there). */
  name: string;
}

export function secretKey(address: SecretAddress): string {
  return [address.root, address.scope, address.name].join(SEPARATOR);
}

export function parseSecretKey(key: string): SecretAddress | undefined {
  const [root, scope, name, ...rest] = key.split(SEPARATOR);
  if (root === undefined || scope === undefined || name === undefined || rest.length > 0) return undefined;
  return { root, scope, name };
}
