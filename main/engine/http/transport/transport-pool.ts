import { createHash } from 'node:crypto';
import { Agent, ProxyAgent, type Dispatcher, type buildConnector } from 'undici';
import { ShuttleFailure } from '../../../../shared/contract/errors.ts';
import { withHostCertificate } from '../../../../shared/http/host-certificates.ts';
import type { RequestSettings } from '../../../../shared/model/request.ts';
import type { HostCertificate } from '../../../../shared/model/settings.ts';
import { trustSystemCertificates } from '../../tls/system-trust.ts';
import { hasTlsFiles, loadTlsMaterial, tlsConnectOptions, type TlsMaterial } from '../../tls/tls-material.ts';
import { proxyForUrl, type ProxyEnvironment } from './proxy-for-url.ts';
import { timedConnector } from './timed-connector.ts';

/** Connect (TCP + TLS) deadline when the request's own timeout is longer or off. */
export const CONNECT_TIMEOUT_MS = 10_000;
/**
 * Response header block limit. Node's 16 KiB default is too small for a debugging tool (large
 * cookies, JWTs, CSP headers); beyond this a response is refused with a clear error.
 */
export const MAX_HEADER_BYTES = 256 * 1024;
/** Distinct configurations kept open at once; the least recently used closes (gracefully) beyond it. */
const MAX_DISPATCHERS = 16;

export interface TransportPool {
  /**
   * The dispatcher for a request to `url` under `settings`: one undici Agent (or ProxyAgent) per
   * distinct TLS / HTTP version / proxy / timeout configuration, so "don't verify" or a client
   * certificate applies to exactly the requests that asked for it (or whose host has one in
   * Settings → Certificates: that is looked up here, for each hop's own host).
   */
  dispatcherFor(url: URL, settings: RequestSettings | undefined, timeoutMs?: number): Dispatcher | Promise<Dispatcher>;
  close(): Promise<void>;
}

export function createTransportPool(options: {
  proxyEnvironment: ProxyEnvironment;
  /** Settings → Certificates, read on every call so an edit applies to the next request. */
  hostCertificates?: () => readonly HostCertificate[];
  /** Whether TLS connections trust the operating system's CAs too (Settings → Certificates); read per TLS request. */
  trustSystemCertificates?: () => boolean;
}): TransportPool {
  const dispatchers = new Map<string, Dispatcher>();
  const newDefaultAgent = () => createAgent({ verify: true, httpVersion: 'auto', connectTimeoutMs: CONNECT_TIMEOUT_MS, tls: {} });
  let defaultAgent = newDefaultAgent();
  let closed = false;

  /**
   * The trust every TLS connection starts from, applied before the first one. When it changes, open
   * connections were verified under the old one: their dispatchers close (requests on them finish)
   * and new ones take over.
   */
  let trusting: boolean | undefined;
  const applyTrust = () => {
    const on = options.trustSystemCertificates?.() ?? false;
    if (on === trusting) return;
    const before = trusting;
    trusting = on;
    trustSystemCertificates(on);
    if (before === undefined) return;
    for (const dispatcher of [defaultAgent, ...dispatchers.values()]) void dispatcher.close().catch(() => undefined);
    dispatchers.clear();
    defaultAgent = newDefaultAgent();
  };

  /** The dispatcher for one configuration, created on first use. */
  const cached = (config: TransportConfig): Dispatcher => {
    const key = JSON.stringify([config.proxy ?? '', config.verify, config.httpVersion, config.connectTimeoutMs, fingerprint(config.tls)]);
    const existing = dispatchers.get(key);
    if (existing) {
      // Most recently used last, so eviction takes the stalest.
      dispatchers.delete(key);
      dispatchers.set(key, existing);
      return existing;
    }
    const dispatcher = config.proxy ? createProxyAgent(config, config.proxy) : createAgent(config);
    dispatchers.set(key, dispatcher);
    if (dispatchers.size > MAX_DISPATCHERS) {
      const [oldestKey, oldest] = dispatchers.entries().next().value!;
      dispatchers.delete(oldestKey);
      // close() lets requests still running on it finish.
      void oldest.close().catch(() => undefined);
    }
    return dispatcher;
  };

  return {
    dispatcherFor(url, requestSettings, timeoutMs = 0) {
      if (closed) throw new ShuttleFailure('CANCELLED', 'The engine is shutting down');
      const hostCertificates = options.hostCertificates?.() ?? [];
      const forHost = hostCertificates.length > 0 ? withHostCertificate(requestSettings ?? {}, url, hostCertificates) : undefined;
      const settings = forHost ? forHost.settings : requestSettings;
      const proxy = proxyForUrl(url, settings, options.proxyEnvironment);
      // Only where TLS is spoken (to the server, or to an HTTPS proxy): plain HTTP never reads the store.
      if (url.protocol === 'https:' || proxy?.startsWith('https:')) applyTrust();
      const verify = settings?.verifyTls !== false;
      const httpVersion = settings?.httpVersion ?? 'auto';
      const connectTimeoutMs = timeoutMs > 0 ? Math.min(timeoutMs, CONNECT_TIMEOUT_MS) : CONNECT_TIMEOUT_MS;
      const hasFiles = settings !== undefined && hasTlsFiles(settings);
      // The common case (no settings) builds no key and awaits nothing.
      if (!proxy && verify && httpVersion === 'auto' && !hasFiles && connectTimeoutMs === CONNECT_TIMEOUT_MS) return defaultAgent;
      const config = { verify, httpVersion, connectTimeoutMs, ...(proxy ? { proxy } : {}) };
      return hasFiles ? loadTlsMaterial(settings, url.hostname, forHost?.places).then((tls) => cached({ ...config, tls })) : cached({ ...config, tls: {} });
    },
    async close() {
      if (closed) return;
      closed = true;
      const all = [defaultAgent, ...dispatchers.values()];
      dispatchers.clear();
      await Promise.all(all.map((dispatcher) => dispatcher.destroy().catch(() => undefined)));
    },
  };
}

interface TransportConfig {
  verify: boolean;
  httpVersion: 'auto' | 'http1' | 'http2';
  connectTimeoutMs: number;
  tls: TlsMaterial;
  proxy?: string;
}

function createAgent(config: TransportConfig): Agent {
  const allowH2 = config.httpVersion !== 'http1';
  const connectOptions: buildConnector.BuildOptions & { useH2c?: boolean } = {
    ...tlsConnectOptions(config.tls, config.verify),
    allowH2,
    // Offer h2 first in ALPN (browsers do): "auto" gets HTTP/2 wherever the server speaks it.
    preferH2: allowH2,
    timeout: config.connectTimeoutMs,
    // HTTP/2 asked for explicitly on a cleartext URL means prior knowledge (h2c), as curl's --http2-prior-knowledge.
    ...(config.httpVersion === 'http2' ? { useH2c: true } : {}),
  };
  return new Agent({ connect: timedConnector(connectOptions), allowH2, maxHeaderSize: MAX_HEADER_BYTES });
}

function createProxyAgent(config: TransportConfig, proxy: string): ProxyAgent {
  let uri: URL;
  try {
    uri = new URL(proxy);
  } catch {
    throw new ShuttleFailure('VALIDATION', `The proxy URL "${redactCredentials(proxy)}" is not valid`, { what: 'proxy URL' });
  }
  if (!['http:', 'https:', 'socks5:', 'socks:'].includes(uri.protocol)) {
    throw new ShuttleFailure('VALIDATION', `Proxies are http://, https:// or socks5://, not ${uri.protocol}`, { what: 'proxy URL' });
  }
  return new ProxyAgent({
    uri: uri.href,
    requestTls: { ...tlsConnectOptions(config.tls, config.verify), timeout: config.connectTimeoutMs },
    // The proxy's own certificate follows the same "verify" switch as the server's.
    proxyTls: { rejectUnauthorized: config.verify, timeout: config.connectTimeoutMs },
    allowH2: config.httpVersion !== 'http1',
    connectTimeout: config.connectTimeoutMs,
    maxHeaderSize: MAX_HEADER_BYTES,
  });
}

function fingerprint(material: TlsMaterial): string {
  const parts = [material.ca, material.cert, material.key, material.pfx].map((part) => (part ? createHash('sha256').update(part).digest('hex') : ''));
  return createHash('sha256')
    .update(parts.join(':') + ':' + (material.passphrase ?? ''))
    .digest('hex');
}

function redactCredentials(text: string): string {
  return text.replace(/\/\/[^@/]*@/, '//***@');
}
