import { hostCertificatePlace } from '../../shared/http/host-certificates.ts';
import { CLIENT_CERT_SECRETS, unavailableCertificateSecrets, type ClientCertSecret } from '../../shared/model/request.ts';
import { hostCertificateSchema, type HostCertificate } from '../../shared/model/settings.ts';
import { parseSecretKey, secretKey, type SecretStore } from './secrets/secret-store.ts';
import { CERTIFICATE_SECRET_NAMES, certificateForFile, certificateFromFile, certificateSecretValues, withCertificateSecrets } from './workspace/certificate-secrets.ts';

/**
 * Settings → Certificates keeps each entry's secrets (a typed passphrase, a key or bundle picked in
 * the browser) in the secret store, as a saved request's certificate does: settings.json holds the
 * same `{ secret: true }` markers in their place (certificate-secrets.ts). They are app-wide, so their
 * addresses have no workspace root; one scope per host pattern.
 */
const APP_ROOT = '';
const SCOPE_PREFIX = 'settings:certificates:';

function scopeOf(host: string): string {
  return SCOPE_PREFIX + host.toLowerCase();
}

function keyOf(host: string, part: ClientCertSecret): string {
  return secretKey({ root: APP_ROOT, scope: scopeOf(host), name: CERTIFICATE_SECRET_NAMES[part] });
}

/**
 * Stores the entries' secrets and returns the entries as settings.json keeps them. Secrets of
 * removed entries and parts are deleted; a part still missing here keeps its marker and its key.
 */
export async function hostCertificatesForFile(entries: readonly HostCertificate[], secrets: SecretStore): Promise<unknown[]> {
  const kept = new Set<string>();
  for (const entry of entries) {
    const values = certificateSecretValues(entry.clientCert);
    for (const part of CLIENT_CERT_SECRETS) {
      const value = values[part];
      if (value !== undefined) await secrets.set(keyOf(entry.host, part), value);
    }
    for (const part of [...Object.keys(values), ...unavailableCertificateSecrets(entry.clientCert)]) kept.add(keyOf(entry.host, part as ClientCertSecret));
  }
  for (const key of await secrets.keys()) {
    const address = parseSecretKey(key);
    if (address?.root === APP_ROOT && address.scope.startsWith(SCOPE_PREFIX) && !kept.has(key)) await secrets.delete(key);
  }
  return entries.map(({ clientCert, ...entry }) => ({ ...entry, ...(clientCert ? { clientCert: certificateForFile(clientCert) } : {}) }));
}

/**
 * The entries of a settings.json with their secrets put back from the store. A part the store does
 * not hold here (settings copied from another computer, or written by the desktop app's encrypted
 * store and read by the web host) is listed as missing: the dialog says so and a send refuses.
 * An entry that is not valid is dropped, as any invalid setting is.
 */
export async function hostCertificatesFromFile(raw: unknown, secrets: SecretStore): Promise<HostCertificate[]> {
  if (!Array.isArray(raw)) return [];
  const entries: HostCertificate[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) continue;
    const { clientCert: rawCert, ...rest } = item as Record<string, unknown>;
    const { clientCert, secrets: parts } = certificateFromFile(rawCert);
    const parsed = hostCertificateSchema.safeParse({ ...rest, ...(clientCert === undefined ? {} : { clientCert }) });
    // A second entry for the same host (settings.json edited by hand) would share the first's secrets.
    if (!parsed.success || entries.some((kept) => kept.host.toLowerCase() === parsed.data.host.toLowerCase())) continue;
    const entry = parsed.data;
    if (entry.clientCert && parts.length > 0) {
      const host = entry.host;
      entry.clientCert = await withCertificateSecrets(entry.clientCert, parts, hostCertificatePlace(host), (part) => secrets.get(keyOf(host, part)));
    }
    entries.push(entry);
  }
  return entries;
}
