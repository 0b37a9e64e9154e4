import { describe, expect, it } from 'vitest';
import { CurlParseError, parseCurl, shellWords, toCurl } from '../../../../shared/http/curl.ts';
import type { HttpRequestSpec } from '../../../../shared/model/request.ts';

describe('parseCurl', () => {
  it('fills method, URL, headers, body and basic auth from a typical pasted command', () => {
    const spec = parseCurl(`curl 'https://api.example.com/users?page=2' \\
  -X PUT \\
  -H 'Content-Type: application/json' \\
  -H "Authorization-Extra: a \\"quoted\\" value" \\
  --data-raw '{"name":"Ada"}' \\
  -u ada:s3cr:et`);
    expect(spec.method).toBe('PUT');
    expect(spec.url).toBe('https://api.example.com/users?page=2');
    expect(spec.headers).toEqual([
      { name: 'Content-Type', value: 'application/json', enabled: true },
      { name: 'Authorization-Extra', value: 'a "quoted" value', enabled: true },
    ]);
    expect(spec.body).toEqual({ mode: 'json', text: '{"name":"Ada"}' });
    expect(spec.auth).toEqual({ type: 'basic', username: 'ada', password: 's3cr:et' });
  });

  it('turns -d into a POST with curl\'s default form Content-Type, joining several -d with &', () => {
    const spec = parseCurl("curl http://h/login -d user=ada -d 'pass=x y'");
    expect(spec.method).toBe('POST');
    expect(spec.body.text).toBe('user=ada&pass=x y');
    expect(spec.headers).toContainEqual({ name: 'Content-Type', value: 'application/x-www-form-urlencoded', enabled: true });
  });

  it('understands --json, -G, -I, -F, -k, -L, glued short options and --opt=value', () => {
    expect(parseCurl(`curl --json '{"a":1}' http://h/`).headers.map((h) => h.name)).toEqual(['Content-Type', 'Accept']);
    expect(parseCurl('curl -G http://h/s -d q=1 --data-urlencode "t=a b"').url).toBe('http://h/s?q=1&t=a%20b');
    expect(parseCurl('curl -I http://h/').method).toBe('HEAD');
    expect(parseCurl('curl -XDELETE -HX-A:1 http://h/').method).toBe('DELETE');
    expect(parseCurl('curl --request=PATCH --url=http://h/x').url).toBe('http://h/x');
    const form = parseCurl('curl -F name=ada -F "file=@/tmp/a.png;type=image/png" http://h/up -k -L');
    expect(form.body.mode).toBe('multipart');
    expect(form.body.multipart).toEqual([
      { name: 'name', enabled: true, kind: 'text', value: 'ada' },
      { name: 'file', enabled: true, kind: 'file', value: '', file: { kind: 'path', path: '/tmp/a.png' }, contentType: 'image/png' },
    ]);
    expect(form.settings).toEqual({ verifyTls: false, followRedirects: true });
  });

  it('skips the values of options it does not model instead of taking them for the URL', () => {
    expect(parseCurl('curl -o out.json --max-time 5 http://h/real').url).toBe('http://h/real');
  });

  it('reads Digest, bearer and AWS Signature v4 auth the way curl spells them', () => {
    expect(parseCurl('curl --digest -u ada:pw http://h/').auth).toEqual({ type: 'digest', username: 'ada', password: 'pw' });
    expect(parseCurl('curl --oauth2-bearer tok-1 http://h/').auth).toEqual({ type: 'bearer', token: 'tok-1' });
    const aws = parseCurl(`curl --aws-sigv4 'aws:amz:eu-west-1:execute-api' -u AKID:SECRET -H 'x-amz-security-token: ST' -H 'Accept: */*' https://h/`);
    expect(aws.auth).toEqual({ type: 'awsv4', accessKeyId: 'AKID', secretAccessKey: 'SECRET', region: 'eu-west-1', service: 'execute-api', sessionToken: 'ST' });
    expect(aws.headers).toEqual([{ name: 'Accept', value: '*/*', enabled: true }]);
  });

  it('turns timeout, redirect, proxy, HTTP version and certificate options into the request settings', () => {
    const spec = parseCurl(
      `curl -m2.5 --max-redirs 3 -L -x proxy.local:3128 -U 'me:p w' --noproxy localhost,.internal --http2 --cacert ca.pem -E 'C:\\certs\\me.pem:secret' --key me.key https://h/`,
    );
    expect(spec.settings).toEqual({
      timeoutMs: 2_500,
      maxRedirects: 3,
      followRedirects: true,
      proxyUrl: 'http://me:p%20w@proxy.local:3128',
      noProxy: 'localhost,.internal',
      httpVersion: 'http2',
      caCert: { kind: 'path', path: 'ca.pem' },
      clientCert: { cert: { kind: 'path', path: 'C:\\certs\\me.pem' }, passphrase: 'secret', key: { kind: 'path', path: 'me.key' } },
    });
    expect(parseCurl('curl --cert bundle.p12 --pass pw --http1.1 --max-redirs -1 http://h/').settings).toEqual({
      clientCert: { pfx: { kind: 'path', path: 'bundle.p12' }, passphrase: 'pw' },
      httpVersion: 'http1',
      maxRedirects: 100,
    });
  });

  it('says what is wrong with a command it cannot read', () => {
    expect(() => parseCurl('wget http://h/')).toThrow(CurlParseError);
    expect(() => parseCurl("curl 'http://h/")).toThrow(/not closed/);
    expect(() => parseCurl('curl -X')).toThrow(/needs a value/);
    expect(() => parseCurl('curl -H "A: b"')).toThrow(/no URL/);
  });
});

describe('shellWords', () => {
  it("splits like a POSIX shell, including $'…' escapes and line continuations", () => {
    expect(shellWords(`a 'b c' "d \\"e\\"" $'f\\ng' h\\ i \\\n j`)).toEqual(['a', 'b c', 'd "e"', 'f\ng', 'h i', 'j']);
  });
});

describe('toCurl', () => {
  it('says everything it can in curl terms, so the command parses back to the same request', () => {
    const spec: HttpRequestSpec = {
      method: 'GET',
      url: 'https://h/a',
      headers: [],
      body: { mode: 'none', text: '' },
      auth: { type: 'awsv4', accessKeyId: 'AKID', secretAccessKey: 'S/ECRET', region: 'us-east-1', service: 's3', sessionToken: 'ST' },
      settings: {
        timeoutMs: 1_500,
        maxRedirects: 4,
        proxyUrl: 'http://proxy:8080',
        noProxy: 'localhost',
        httpVersion: 'http1',
        verifyTls: false,
        caCert: { kind: 'path', path: '/etc/ca.pem' },
        clientCert: { pfx: { kind: 'path', path: '/me.p12' }, passphrase: "it's" },
      },
    };
    const again = parseCurl(toCurl(spec));
    expect(again.auth).toEqual(spec.auth);
    expect(again.settings).toEqual({ ...spec.settings, followRedirects: true });
    expect(parseCurl(toCurl({ ...spec, auth: { type: 'digest', username: 'u', password: 'p' } })).auth).toEqual({ type: 'digest', username: 'u', password: 'p' });
  });

  it('fills path parameters and a query API key into the URL, as the engine sends it', () => {
    const spec: HttpRequestSpec = {
      method: 'GET',
      url: 'http://h/users/:id/orders?open=1#top',
      pathParams: [{ name: 'id', value: 'a b/c' }],
      headers: [],
      body: { mode: 'none', text: '' },
      auth: { type: 'apikey', key: 'api key', value: 'k&1', in: 'query' },
    };
    expect(parseCurl(toCurl(spec)).url).toBe('http://h/users/a%20b%2Fc/orders?open=1&api%20key=k%261#top');
  });


  it('round-trips through parseCurl to the same request', () => {
    const spec = parseCurl(`curl 'http://h/a?b=1' -X POST -H 'X-Note: it'"'"'s' --data-raw '{"k":"v"}' -H 'Content-Type: application/json' -u u:p`);
    const again = parseCurl(toCurl(spec));
    expect(again.method).toBe(spec.method);
    expect(again.url).toBe(spec.url);
    expect(again.headers).toEqual(spec.headers);
    expect(again.body).toEqual(spec.body);
    expect(again.auth).toEqual(spec.auth);
  });
});
