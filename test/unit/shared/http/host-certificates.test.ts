import { describe, expect, it } from 'vitest';
import { findHostCertificate, withHostCertificate } from '../../../../shared/http/host-certificates.ts';
import type { FileSource } from '../../../../shared/model/request.ts';
import { settingsSchema, DEFAULT_SETTINGS, type HostCertificate } from '../../../../shared/model/settings.ts';

const file = (path: string): FileSource => ({ kind: 'path', path });
const entry = (host: string): HostCertificate => ({ host, clientCert: { cert: file(`${host}.pem`), key: file(`${host}.key`) } });
const hostOf = (url: string, entries: HostCertificate[]) => findHostCertificate(new URL(url), entries)?.host;

describe('Settings → Certificates: which entry a connection uses', () => {
  it('an exact name matches on any port unless the entry names one; the scheme gives the default port', () => {
    const entries = [entry('api.example.com'), entry('local.test:8443')];

    expect(hostOf('https://api.example.com/x', entries)).toBe('api.example.com');
    expect(hostOf('https://api.example.com:9000/x', entries)).toBe('api.example.com');
    expect(hostOf('https://local.test:8443/', entries)).toBe('local.test:8443');
    expect(hostOf('https://local.test/', entries)).toBeUndefined();
    expect(hostOf('https://other.example.com/', entries)).toBeUndefined();
    expect(hostOf('https://example.com/', [entry('example.com:443')])).toBe('example.com:443');
    expect(hostOf('wss://example.com/', [entry('example.com:443')])).toBe('example.com:443');
  });

  it('*.domain matches names under it at any depth, not the domain itself; case does not matter', () => {
    const entries = [entry('*.Example.com')];

    expect(hostOf('https://a.example.com/', entries)).toBe('*.Example.com');
    expect(hostOf('https://b.a.EXAMPLE.com/', entries)).toBe('*.Example.com');
    expect(hostOf('https://example.com/', entries)).toBeUndefined();
    expect(hostOf('https://notexample.com/', entries)).toBeUndefined();
  });

  it('the most specific entry wins, whatever the order: port, then exact name, then the longer suffix', () => {
    const entries = [entry('*.example.com'), entry('*.api.example.com'), entry('v1.api.example.com'), entry('v1.api.example.com:8443')];

    expect(hostOf('https://v1.api.example.com:8443/', entries)).toBe('v1.api.example.com:8443');
    expect(hostOf('https://v1.api.example.com/', entries)).toBe('v1.api.example.com');
    expect(hostOf('https://v2.api.example.com/', entries)).toBe('*.api.example.com');
    expect(hostOf('https://www.example.com/', entries)).toBe('*.example.com');
    expect(hostOf('https://v2.api.example.com/', [...entries].reverse())).toBe('*.api.example.com');
  });

  it('* is every host, and the least specific pattern of all', () => {
    const entries = [entry('*'), entry('*.example.com'), entry('*:8443')];

    expect(hostOf('https://anything.test/', entries)).toBe('*');
    expect(hostOf('https://a.example.com/', entries)).toBe('*.example.com');
    expect(hostOf('https://a.example.com:8443/', entries)).toBe('*:8443');
  });

  it('IP addresses, IPv6 in brackets with and without a port', () => {
    expect(hostOf('https://127.0.0.1:8443/', [entry('127.0.0.1')])).toBe('127.0.0.1');
    expect(hostOf('https://[::1]:8443/', [entry('[::1]:8443')])).toBe('[::1]:8443');
    expect(hostOf('https://[::1]:9443/', [entry('[::1]:8443')])).toBeUndefined();
    expect(hostOf('https://[::1]:9443/', [entry('[::1]')])).toBe('[::1]');
  });

  it('the request’s own certificate, CA and verification choice win, part by part; plain http takes nothing', () => {
    const entries: HostCertificate[] = [{ ...entry('api.test'), caCert: file('host-ca.pem'), verifyTls: false }];
    const url = new URL('https://api.test/');
    const own = { clientCert: { pfx: file('own.p12') }, caCert: file('own-ca.pem'), verifyTls: true };

    expect(withHostCertificate(own, url, entries)).toEqual({ settings: own });
    expect(withHostCertificate({ caCert: file('own-ca.pem') }, url, entries).settings).toEqual({ clientCert: entries[0]!.clientCert, caCert: file('own-ca.pem'), verifyTls: false });
    expect(withHostCertificate({}, url, entries)).toEqual({
      settings: { clientCert: entries[0]!.clientCert, caCert: file('host-ca.pem'), verifyTls: false },
      from: entries[0],
      places: { clientCert: 'Settings → Certificates (api.test)', caCert: 'Settings → Certificates (api.test)' },
    });
    // Each file is named by where it came from: the request's own CA is not the entry's.
    expect(withHostCertificate({ caCert: file('own-ca.pem') }, url, entries).places).toEqual({ clientCert: 'Settings → Certificates (api.test)' });
    // A passphrase alone is not a certificate of its own.
    expect(withHostCertificate({ clientCert: { passphrase: 'x' } }, url, entries).settings.clientCert).toBe(entries[0]!.clientCert);
    expect(withHostCertificate({}, new URL('http://api.test/'), entries).settings).toEqual({});
  });

  it('the settings refuse a pattern that is not a host and two entries for the same host', () => {
    const parse = (hosts: string[]) => settingsSchema.safeParse({ ...DEFAULT_SETTINGS, hostCertificates: hosts.map((host) => ({ host })) }).success;

    expect(parse(['api.example.com', '*.example.com', '127.0.0.1:8443', '[::1]:443', 'localhost', '*', '*:443'])).toBe(true);
    for (const bad of ['', 'https://api.example.com', 'api.example.com/path', 'a b', '*example.com', 'api.*.com', 'host:port', '**', '*.*']) {
      expect(parse([bad]), bad).toBe(false);
    }
    expect(parse(['api.example.com', 'API.example.com'])).toBe(false);
  });
});
