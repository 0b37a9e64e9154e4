// A namespace import: these functions are looked up at run time, as older runtimes lack them.
import * as tls from 'node:tls';

/** Node's own default CAs (bundled roots plus NODE_EXTRA_CA_CERTS), as they were before any change here. */
let nodeDefaults: string[] | undefined;
let trusting: boolean | undefined;

/**
 * Makes the CAs every TLS connection of this process trusts by default Node's own, plus (when `on`)
 * the operating system's store: where mkcert, `dotnet dev-certs --trust` and a company's IT put
 * their CAs, and what browsers and curl trust. Node alone trusts only its bundled copy of Mozilla's
 * list, so without this a local HTTPS server that the browser accepts is "signed by an unknown
 * authority" here.
 *
 * Process-wide (one engine runs per process) and read by each new connection, including the secure
 * contexts built for a request's own CA (tls-material.ts). Reading the store and parsing it takes
 * about 0.1 s, so it is done once, when the first TLS connection needs it; callers that keep
 * connections drop those verified under an earlier trust themselves.
 */
export function trustSystemCertificates(on: boolean): void {
  const before = trusting;
  trusting = on;
  // Nothing to do when nothing changes, or when it is off before anything was added.
  if (before === on || (before === undefined && !on)) return;
  // Node 24.5+ and 22.19+; on an older runtime Node's own list stays in force.
  if (typeof tls.setDefaultCACertificates !== 'function' || typeof tls.getCACertificates !== 'function') return;
  nodeDefaults ??= tls.getCACertificates('default');
  try {
    tls.setDefaultCACertificates(on ? [...nodeDefaults, ...tls.getCACertificates('system')] : nodeDefaults);
  } catch {
    // A store that cannot be read (or holds nothing parsable) leaves Node's own list in force:
    // requests still go out, and one the store would have vouched for fails as an unknown authority.
  }
}
