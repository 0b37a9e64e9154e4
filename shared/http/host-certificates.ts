import type { FileSource, RequestSettings } from '../model/request.ts';
import type { HostCertificate } from '../model/settings.ts';

/** How messages name an entry of Settings → Certificates (an error, where a missing secret is saved). */
export function hostCertificatePlace(host: string): string {
  return `Settings → Certificates (${host})`;
}

/** The parts of a URL the match reads (a WHATWG URL has them; shared code has no URL type of its own). */
export interface ConnectionAddress {
  protocol: string;
  hostname: string;
  port: string;
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'https:': '443', 'wss:': '443', 'http:': '80', 'ws:': '80' };

/**
 * The Settings → Certificates entry for a connection to `url`, if any. The most specific pattern
 * wins: one with a port over one without, an exact name over a `*.` pattern, a longer `*.` suffix
 * over a shorter one, any of them over `*`. Names compare without regard to case, as DNS does.
 */
export function findHostCertificate(url: ConnectionAddress, entries: readonly HostCertificate[]): HostCertificate | undefined {
  if (entries.length === 0) return undefined;
  const hostname = url.hostname.toLowerCase();
  const port = url.port || DEFAULT_PORTS[url.protocol] || '';
  let best: HostCertificate | undefined;
  let bestScore = -1;
  for (const entry of entries) {
    const score = matchScore(entry.host, hostname, port);
    if (score > bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  return best;
}

/** -1 when `pattern` does not name this host and port; higher is more specific. */
function matchScore(pattern: string, hostname: string, port: string): number {
  // The port is what follows the last ':' outside an IPv6 literal's brackets.
  const portAt = pattern.lastIndexOf(':');
  const hasPort = portAt > pattern.lastIndexOf(']');
  const name = (hasPort ? pattern.slice(0, portAt) : pattern).toLowerCase();
  if (hasPort && Number(pattern.slice(portAt + 1)) !== Number(port)) return -1;
  const portScore = hasPort ? 1_000_000 : 0;
  if (name === hostname) return portScore + 500_000;
  if (name.startsWith('*.') && hostname.endsWith(name.slice(1))) return portScore + name.length;
  if (name === '*') return portScore;
  return -1;
}

/** The TLS choices a request (or a WebSocket connection) makes, and a host's entry can make for it. */
export type TlsChoices = Pick<RequestSettings, 'clientCert' | 'caCert' | 'verifyTls'>;

/** Where a connection's certificate files were set, when not on the request itself: for the messages about them. */
export interface TlsFilesPlaces {
  caCert?: string;
  clientCert?: string;
}

/**
 * The TLS choices for a connection to `url`: the request's own (set on it, or inherited from its
 * collection or folder), with its host's entry filling in what they leave unset, each on its own:
 * a request with only a CA of its own still presents its host's client certificate. `from` is the
 * entry when anything came from it; `places` names it for each file it gave.
 */
export function withHostCertificate<T extends TlsChoices>(
  own: T,
  url: ConnectionAddress,
  entries: readonly HostCertificate[],
): { settings: T; from?: HostCertificate; places?: TlsFilesPlaces } {
  if (entries.length === 0 || (url.protocol !== 'https:' && url.protocol !== 'wss:')) return { settings: own };
  const entry = findHostCertificate(url, entries);
  if (!entry) return { settings: own };
  const clientCert = own.clientCert?.cert || own.clientCert?.pfx ? own.clientCert : entry.clientCert;
  const caCert: FileSource | undefined = own.caCert ?? entry.caCert;
  const verifyTls = own.verifyTls ?? entry.verifyTls;
  if (clientCert === own.clientCert && caCert === own.caCert && verifyTls === own.verifyTls) return { settings: own };
  const place = hostCertificatePlace(entry.host);
  return {
    settings: { ...own, ...(clientCert ? { clientCert } : {}), ...(caCert ? { caCert } : {}), ...(verifyTls === undefined ? {} : { verifyTls }) },
    from: entry,
    places: {
      ...(caCert && caCert !== own.caCert ? { caCert: place } : {}),
      ...(clientCert && clientCert !== own.clientCert ? { clientCert: place } : {}),
    },
  };
}
