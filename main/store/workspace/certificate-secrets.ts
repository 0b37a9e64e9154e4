import {
  CLIENT_CERT_SECRETS,
  type ClientCertificate,
  type ClientCertSecret,
  type FileSource,
} from '../../../shared/model/request.ts';
import { isOnlyReferences } from '../../../shared/vars/template.ts';

/**
 * A client certificate's secrets (a typed passphrase; a private key or PFX bundle given inline) are
 * kept in the secret store, never in a workspace file. The file keeps a marker in their place:
 *
 *   passphrase: { secret: true }
 *   key: { kind: inline, fileName: me.key, secret: true }
 *
 * These are the pure halves (the file form and back); workspace.ts does the secret store's side.
 * A passphrase made of `{{references}}` only names a secret and stays as written; files given by
 * path stay paths; the certificate itself and a CA are public and stay inline.
 */

/** Secret names inside a scope: a `/` cannot occur in a variable name, so these never meet a variable's secret. */
export const CERTIFICATE_SECRET_NAMES: Readonly<Record<ClientCertSecret, string>> = {
  passphrase: 'clientCert/passphrase',
  key: 'clientCert/key',
  pfx: 'clientCert/pfx',
};

/** The secret values a certificate holds, by part; a part listed as missing and not entered since has none. */
export function certificateSecretValues(clientCert: ClientCertificate | undefined): Partial<Record<ClientCertSecret, string>> {
  const values: Partial<Record<ClientCertSecret, string>> = {};
  if (!clientCert) return values;
  if (clientCert.passphrase && !isOnlyReferences(clientCert.passphrase)) values.passphrase = clientCert.passphrase;
  for (const part of ['key', 'pfx'] as const) {
    const file = clientCert[part];
    if (file?.kind === 'inline' && file.base64 !== '') values[part] = file.base64;
  }
  return values;
}

/** The certificate as its file keeps it: each secret part, held here or missing here, replaced by its marker. */
export function certificateForFile(clientCert: ClientCertificate): Record<string, unknown> {
  const { missingSecrets, ...certificate } = clientCert;
  const missing = new Set(missingSecrets?.parts);
  const secret = certificateSecretValues(clientCert);
  const fileEntry = (part: 'key' | 'pfx', file: FileSource | undefined) =>
    file?.kind === 'inline' && (secret[part] !== undefined || missing.has(part)) ? { kind: 'inline', fileName: file.fileName, secret: true } : file;
  const passphrase =
    secret.passphrase !== undefined || (!certificate.passphrase && missing.has('passphrase')) ? { secret: true } : certificate.passphrase || undefined;
  return {
    cert: certificate.cert,
    key: fileEntry('key', certificate.key),
    pfx: fileEntry('pfx', certificate.pfx),
    passphrase,
  };
}

/**
 * A certificate as a file holds it, ready for the schema: a marked part becomes a placeholder (no
 * passphrase; an inline file with its name and no bytes) and is listed in `secrets`, for the
 * caller to fill in from the secret store. A `base64:` written by hand beside `secret: true` is
 * ignored, as a secret variable's `value:` is. Anything else is passed on for the schema to judge.
 */
export function certificateFromFile(raw: unknown): { clientCert: unknown; secrets: ClientCertSecret[] } {
  if (!isRecord(raw)) return { clientCert: raw, secrets: [] };
  const secrets: ClientCertSecret[] = [];
  const clientCert: Record<string, unknown> = { ...raw };
  for (const part of CLIENT_CERT_SECRETS) {
    const entry = raw[part];
    if (!isRecord(entry) || entry.secret !== true) continue;
    if (part === 'passphrase') {
      delete clientCert.passphrase;
    } else {
      if (entry.kind !== undefined && entry.kind !== 'inline') continue;
      clientCert[part] = { kind: 'inline', fileName: typeof entry.fileName === 'string' ? entry.fileName : '', base64: '' };
    }
    secrets.push(part);
  }
  return { clientCert, secrets };
}

/**
 * Puts back the parts a file's markers say are in the secret store (`lookup` reads one). A part the
 * store does not have here (a cloned repository, another computer, a file renamed outside Shuttle)
 * is listed in `missingSecrets` with where the certificate is saved: the editor says so, and a send refuses.
 */
export async function withCertificateSecrets(
  clientCert: ClientCertificate,
  parts: readonly ClientCertSecret[],
  savedIn: string,
  lookup: (part: ClientCertSecret) => Promise<string | undefined>,
): Promise<ClientCertificate> {
  const filled: ClientCertificate = { ...clientCert };
  const missing: ClientCertSecret[] = [];
  for (const part of parts) {
    const value = await lookup(part);
    if (value === undefined) {
      missing.push(part);
    } else if (part === 'passphrase') {
      filled.passphrase = value;
    } else {
      const file = filled[part];
      if (file?.kind === 'inline') filled[part] = { ...file, base64: value };
    }
  }
  if (missing.length > 0) filled.missingSecrets = { parts: missing, savedIn };
  return filled;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
