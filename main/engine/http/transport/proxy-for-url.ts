/** The proxy variables of the environment, read once when the engine starts (as curl and undici do). */
export interface ProxyEnvironment {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

export interface ProxySettings {
  proxyUrl?: string;
  noProxy?: string;
}

/** Lower case first, as curl reads them: `http_proxy` is the traditional spelling. */
export function readProxyEnvironment(env: NodeJS.ProcessEnv): ProxyEnvironment {
  const pick = (lower: string, upper: string) => {
    const value = env[lower] ?? env[upper];
    return value && value.trim() !== '' ? value.trim() : undefined;
  };
  const httpProxy = pick('http_proxy', 'HTTP_PROXY');
  const httpsProxy = pick('https_proxy', 'HTTPS_PROXY');
  const noProxy = pick('no_proxy', 'NO_PROXY');
  return { ...(httpProxy ? { httpProxy } : {}), ...(httpsProxy ? { httpsProxy } : {}), ...(noProxy ? { noProxy } : {}) };
}

/**
 * The proxy a request to `url` goes through, or undefined for a direct connection:
 * - the request's own proxy when set, else HTTPS_PROXY / HTTP_PROXY by the URL's scheme;
 * - never when a no-proxy entry (the request's list and NO_PROXY together) matches the host;
 * - never from the environment for loopback hosts: an environment proxy is for the outside world,
 *   and the local server under development is what Shuttle talks to most. A proxy set on the
 *   request itself still applies to them.
 */
export function proxyForUrl(url: URL, settings: ProxySettings | undefined, env: ProxyEnvironment): string | undefined {
  const own = settings?.proxyUrl?.trim();
  const fromEnv = url.protocol === 'https:' ? (env.httpsProxy ?? env.httpProxy) : env.httpProxy;
  const proxy = own || fromEnv;
  if (!proxy) return undefined;
  const host = normaliseHost(url.hostname);
  if (!own && isLoopback(host)) return undefined;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const entries = `${settings?.noProxy ?? ''},${env.noProxy ?? ''}`;
  return matchesNoProxy(host, port, entries) ? undefined : withScheme(proxy);
}

/**
 * curl's no-proxy rules: `*` matches everything; `example.com` and `.example.com` match that host
 * and its subdomains; `host:port` only that port; IP literals match exactly.
 */
export function matchesNoProxy(host: string, port: number, list: string): boolean {
  for (const raw of list.split(/[,\s]+/)) {
    let entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    let entryPort: number | undefined;
    const portMatch = /^(.*?):(\d+)$/.exec(entry);
    if (portMatch && !entry.includes('::')) {
      entry = portMatch[1]!;
      entryPort = Number(portMatch[2]);
    }
    entry = normaliseHost(entry.replace(/^\*?\./, ''));
    if (entryPort !== undefined && entryPort !== port) continue;
    if (host === entry || host.endsWith(`.${entry}`)) return true;
  }
  return false;
}

function normaliseHost(host: string): string {
  return host.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** "proxy:3128" in the environment means http://proxy:3128, as curl reads it. */
function withScheme(proxy: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}
