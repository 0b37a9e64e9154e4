// A namespace import: getCACertificates is looked up at run time, as older runtimes lack it.
import * as tls from 'node:tls';
import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import { unavailableCertificateSecrets, type ClientCertificate, type FileSource, type RequestSettings } from '../../../shared/model/request.ts';
import type { TlsFilesPlaces } from '../../../shared/http/host-certificates.ts';
import { readFileSource } from '../http/file-source.ts';

/** The certificate files a request or a WebSocket connection names (the same shape for both). */
export interface TlsFiles {
  clientCert?: RequestSettings['clientCert'];
  caCert?: FileSource;
}

/** Those files read into memory, checked to load. */
export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  pfx?: Buffer;
  passphrase?: string;
}

export function hasTlsFiles(files: TlsFiles): boolean {
  return Boolean(files.caCert || files.clientCert?.cert || files.clientCert?.pfx);
}

/**
 * Reads the CA and client certificate files and checks they load, before any connection is tried:
 * a wrong passphrase or a key that does not match its certificate is a TLS error naming `host`
 * at once, not a failed handshake later. `places` names where a file was set when that is not the
 * request itself (Settings → Certificates), and every error about that file says so: the CA and the
 * client certificate may come from different places, so each is checked on its own.
 */
export async function loadTlsMaterial(files: TlsFiles, host: string, places: TlsFilesPlaces = {}): Promise<TlsMaterial> {
  const from = (place: string | undefined) => (failure: ShuttleFailure) =>
    place === undefined ? failure : new ShuttleFailure(failure.code, `${failure.message} (set in ${place})`, failure.detail);
  const fromCa = from(places.caCert);
  const fromClient = from(places.clientCert);
  const read = (file: FileSource, what: string, label: (failure: ShuttleFailure) => ShuttleFailure) =>
    readFileSource(file, what).catch((error: unknown) => {
      throw error instanceof ShuttleFailure ? label(error) : error;
    });
  const material: TlsMaterial = {};
  const client = files.clientCert;
  assertSecretsHere(client);
  if (files.caCert) {
    material.ca = await read(files.caCert, 'CA certificate', fromCa);
    checkLoads({ ca: material.ca }, host, fromCa);
  }
  if (client?.pfx) {
    material.pfx = await read(client.pfx, 'client certificate (PFX)', fromClient);
  } else if (client?.cert) {
    if (!client.key) throw fromClient(new ShuttleFailure('VALIDATION', 'A PEM client certificate needs its private key', { what: 'client key' }));
    material.cert = await read(client.cert, 'client certificate', fromClient);
    material.key = await read(client.key, 'client key', fromClient);
  }
  if (client?.passphrase && (material.pfx || material.key)) material.passphrase = client.passphrase;
  const { pfx, cert, key, passphrase } = material;
  if (pfx || cert) checkLoads({ ...(pfx ? { pfx } : { cert, key }), ...(passphrase ? { passphrase } : {}) }, host, fromClient);
  return material;
}

/** Whether Node can build a secure context from these files; a TLS error with the likely reason if not. */
function checkLoads(options: tls.SecureContextOptions, host: string, label: (failure: ShuttleFailure) => ShuttleFailure): void {
  try {
    tls.createSecureContext(options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = /mac verify|bad decrypt|passphrase/i.test(message)
      ? 'the client certificate could not be opened: wrong passphrase?'
      : /key values mismatch/i.test(message)
        ? 'the client certificate and key do not belong together'
        : `the certificate files could not be loaded (${message})`;
    throw label(new ShuttleFailure('TLS', `Cannot use the TLS files: ${message}`, { host, reason }));
  }
}

/**
 * A saved certificate whose passphrase, key or bundle is kept in another machine's secret store
 * cannot be presented: refused before any connection, naming where it is saved, rather than
 * offering a certificate without its key or trying no passphrase.
 */
function assertSecretsHere(client: ClientCertificate | undefined): void {
  if (!client?.missingSecrets) return;
  // Only the parts this certificate is presented with: a PFX bundle, or a PEM certificate and its key.
  const used = client.pfx ? ['pfx', 'passphrase'] : client.cert ? ['key', 'passphrase'] : [];
  const missing = unavailableCertificateSecrets(client).filter((part) => used.includes(part));
  if (missing.length === 0) return;
  const { savedIn } = client.missingSecrets;
  throw new ShuttleFailure('SECRET_MISSING', `The client certificate's ${missing.join(' and ')} for ${savedIn} ${missing.length > 1 ? 'are' : 'is'} not on this machine`, {
    source: savedIn,
    missing: missing.join(','),
  });
}

/** The TLS options a connection takes from a request's choices. */
export type TlsConnectOptions = Pick<tls.ConnectionOptions, 'rejectUnauthorized' | 'secureContext'>;

/**
 * Node's TLS options for the connections of one configuration: verification, and the loaded files
 * as one secure context. Built here, once: given as `ca`/`cert`/`key` options, Node would build it
 * again for every new connection, and with an extra CA that means parsing every root certificate
 * (about 8 ms, which the timeline would show as TCP connect time).
 */
export function tlsConnectOptions(material: TlsMaterial, verify: boolean): TlsConnectOptions {
  const { ca, cert, key, pfx, passphrase } = material;
  const files = ca || cert || pfx;
  return {
    // Per connection, never process-wide: NODE_TLS_REJECT_UNAUTHORIZED is not touched.
    rejectUnauthorized: verify,
    ...(files
      ? {
          secureContext: tls.createSecureContext({
            // An extra CA adds to the roots a connection trusts anyway; Node's `ca` option alone would replace them.
            ...(ca ? { ca: [...defaultCaCertificates(), ca.toString('latin1')] } : {}),
            ...(pfx ? { pfx } : {}),
            ...(cert ? { cert } : {}),
            ...(key ? { key } : {}),
            ...(passphrase ? { passphrase } : {}),
          }),
        }
      : {}),
  };
}

/**
 * The CAs Node trusts by default: its bundled roots plus NODE_EXTRA_CA_CERTS (and the system's
 * store when Node runs with --use-system-ca). `rootCertificates` is the bundled ones only, so a
 * request with a CA of its own would lose a company CA given through NODE_EXTRA_CA_CERTS.
 * getCACertificates is Node 22.15+; an older runtime has only the bundled list to offer.
 */
function defaultCaCertificates(): readonly string[] {
  return typeof tls.getCACertificates === 'function' ? tls.getCACertificates('default') : tls.rootCertificates;
}
