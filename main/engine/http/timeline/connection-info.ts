import type { X509Certificate } from 'node:crypto';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { ConnectionInfo, PeerCertificate } from '../../../../shared/model/response.ts';

type ConnectionFacts = Omit<ConnectionInfo, 'reused'>;

// Per connection: a keep-alive socket carrying thousands of requests reads its certificate once.
const factsBySocket = new WeakMap<object, ConnectionFacts>();

/** Remote address, negotiated protocol and TLS details of a connection; read while it is open. */
export function connectionFacts(socket: Socket): ConnectionFacts {
  let facts = factsBySocket.get(socket);
  if (!facts) {
    facts = readFacts(socket);
    factsBySocket.set(socket, facts);
  }
  return facts;
}

function readFacts(socket: Socket): ConnectionFacts {
  // undici marks a prior-knowledge h2c socket with alpnProtocol "h2" as well.
  const alpn = (socket as Socket & { alpnProtocol?: string | false }).alpnProtocol;
  const facts: ConnectionFacts = {
    ...(socket.remoteAddress ? { remoteAddress: socket.remoteAddress } : {}),
    ...(socket.remotePort ? { remotePort: socket.remotePort } : {}),
    protocol: alpn || 'http/1.1',
  };
  if (socket instanceof TLSSocket) {
    const peer = peerCertificate(socket);
    const own = socket.getX509Certificate?.();
    facts.tls = {
      protocol: socket.getProtocol() ?? 'unknown',
      cipher: socket.getCipher()?.name ?? 'unknown',
      ...(peer ? { peerCertificate: peer } : {}),
      ...(own ? { clientCertificate: describeCertificate(own) } : {}),
    };
  }
  return facts;
}

function peerCertificate(socket: TLSSocket): PeerCertificate | undefined {
  const raw = socket.getPeerX509Certificate?.();
  if (!raw) return undefined;
  return describeCertificate(raw);
}

function describeCertificate(certificate: X509Certificate): PeerCertificate {
  return {
    // X509Certificate separates RDNs with newlines; one line reads better in a timeline.
    subject: certificate.subject.split('\n').join(', '),
    issuer: certificate.issuer.split('\n').join(', '),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    subjectAltNames: (certificate.subjectAltName ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    fingerprint256: certificate.fingerprint256,
  };
}
