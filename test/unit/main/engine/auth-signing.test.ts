import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseAuthChallenges } from '../../../../main/engine/auth/auth-challenge.ts';
import { EMPTY_PAYLOAD_HASH, signAwsV4 } from '../../../../main/engine/auth/aws-sigv4.ts';
import { chooseDigestChallenge, digestAuthorization } from '../../../../main/engine/auth/digest-auth.ts';
import { pkceChallenge } from '../../../../main/engine/auth/oauth2/pkce.ts';

describe('WWW-Authenticate parsing', () => {
  it('splits several challenges in one header, with quoted commas and escapes', () => {
    const challenges = parseAuthChallenges([
      'Basic realm="simple", Digest realm="a, \\"quoted\\" realm", qop="auth,auth-int", nonce=abc, algorithm=SHA-256, Negotiate abc123==',
    ]);

    expect(challenges).toEqual([
      { scheme: 'basic', params: { realm: 'simple' } },
      { scheme: 'digest', params: { realm: 'a, "quoted" realm', qop: 'auth,auth-int', nonce: 'abc', algorithm: 'SHA-256' } },
      { scheme: 'negotiate', params: {}, token68: 'abc123==' },
    ]);
  });

  it('reads challenges spread over several headers, and survives garbage', () => {
    expect(parseAuthChallenges(['Digest realm="r", nonce="n"', 'Bearer error="invalid_token"']).map((c) => c.scheme)).toEqual(['digest', 'bearer']);
    expect(() => parseAuthChallenges(['"unterminated', ',,, =', '\u0000Digest nonce="'])).not.toThrow();
  });

  it('a parameter called __proto__ is just a parameter', () => {
    const [challenge] = parseAuthChallenges(['Digest __proto__="x", nonce="n", realm="r"']);
    expect(challenge!.params.__proto__).toBe('x');
    expect(Object.getPrototypeOf(challenge!.params)).toBeNull();
  });
});

describe('Digest (RFC 7616 worked examples)', () => {
  // RFC 7616 §3.9.1: Mufasa / "Circle of Life", GET /dir/index.html.
  const rfc = (algorithm: string) =>
    parseAuthChallenges([
      `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=${algorithm}, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`,
    ])[0]!;
  const answer = (algorithm: string) =>
    digestAuthorization(rfc(algorithm), { username: 'Mufasa', password: 'Circle of Life' }, { method: 'GET', uri: '/dir/index.html' }, {
      cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
      nonceCount: 1,
    });

  it('SHA-256 gives the RFC\'s response', () => {
    expect(answer('SHA-256')).toBe(
      'Digest username="Mufasa", realm="http-auth@example.org", nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", uri="/dir/index.html", algorithm=SHA-256, ' +
        'response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", qop=auth, nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"',
    );
  });

  it('MD5 gives the RFC\'s response', () => {
    expect(answer('MD5')).toContain('response="8ca523f5e9506fed4657c9700eebdbec"');
  });

  it('the RFC 2617 example (MD5 with qop) still holds', () => {
    const challenge = parseAuthChallenges(['Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"'])[0]!;
    const header = digestAuthorization(challenge, { username: 'Mufasa', password: 'Circle Of Life' }, { method: 'GET', uri: '/dir/index.html' }, { cnonce: '0a4f113b', nonceCount: 1 });
    expect(header).toContain('response="6629fae49393a05397450978507c4ef1"');
  });

  it('picks the strongest algorithm it supports, and none it does not', () => {
    const offered = parseAuthChallenges([
      'Digest realm="r", nonce="1", algorithm=MD5, qop="auth"',
      'Digest realm="r", nonce="2", algorithm=SHA-256, qop="auth"',
      'Digest realm="r", nonce="3", algorithm=UNKNOWN-HASH, qop="auth"',
    ]);
    expect(chooseDigestChallenge(offered, { method: 'GET', uri: '/' })?.params.nonce).toBe('2');
    expect(chooseDigestChallenge(parseAuthChallenges(['Digest realm="r", nonce="3", algorithm=UNKNOWN-HASH']), { method: 'GET', uri: '/' })).toBeUndefined();
    // auth-int alone cannot cover a body streamed from a file.
    const integrityOnly = parseAuthChallenges(['Digest realm="r", nonce="4", qop="auth-int"']);
    expect(chooseDigestChallenge(integrityOnly, { method: 'POST', uri: '/', body: 'streamed' })).toBeUndefined();
    expect(chooseDigestChallenge(integrityOnly, { method: 'POST', uri: '/', body: Buffer.from('x') })).toBeDefined();
  });

  it('MD5-sess folds the nonce and cnonce into HA1 (RFC 7616 §3.4.2)', () => {
    const challenge = parseAuthChallenges(['Digest realm="r", nonce="n", algorithm=MD5-sess, qop="auth"'])[0]!;
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    const ha1 = md5(`${md5('u:r:p')}:n:c`);
    const expected = md5(`${ha1}:n:00000001:c:auth:${md5('GET:/')}`);

    const header = digestAuthorization(challenge, { username: 'u', password: 'p' }, { method: 'GET', uri: '/' }, { cnonce: 'c', nonceCount: 1 });

    expect(header).toContain(`response="${expected}"`);
    expect(header).toContain('algorithm=MD5-sess');
  });
});

describe('AWS Signature Version 4 (the official test-suite vectors)', () => {
  // aws-sig-v4-test-suite: credentials AKIDEXAMPLE, us-east-1, service "service", 20150830T123600Z.
  const suite = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 'service' };
  const now = new Date('2015-08-30T12:36:00Z');
  const sign = (method: string, url: string, headers: [string, string][] = []) =>
    signAwsV4(suite, { method, url: new URL(url), headers, payloadHash: EMPTY_PAYLOAD_HASH, now });
  const authorization = (signature: ReturnType<typeof sign>) => signature.headers.find(([name]) => name === 'Authorization')![1];

  it('get-vanilla: canonical request, string to sign and signature', () => {
    const signature = sign('GET', 'https://example.amazonaws.com/');

    expect(signature.canonicalRequest).toBe(
      'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(signature.stringToSign).toBe(
      'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63',
    );
    expect(authorization(signature)).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
    expect(signature.headers).toContainEqual(['X-Amz-Date', '20150830T123600Z']);
  });

  it.each([
    ['get-vanilla-query-order-key-case', 'GET', 'https://example.amazonaws.com/?Param2=value2&Param1=value1', 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500'],
    ['post-vanilla', 'POST', 'https://example.amazonaws.com/', '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b'],
    [
      'get-unreserved',
      'GET',
      'https://example.amazonaws.com/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
      '07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f',
    ],
  ])('%s', (_name, method, url, expected) => {
    expect(authorization(sign(method, url))).toMatch(new RegExp(`Signature=${expected}$`));
  });

  it('the S3 documentation example (GET /test.txt with Range): single-encoded path and X-Amz-Content-Sha256', () => {
    const signature = signAwsV4(
      { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 's3' },
      {
        method: 'GET',
        url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
        headers: [['Range', 'bytes=0-9']],
        payloadHash: EMPTY_PAYLOAD_HASH,
        now: new Date('2013-05-24T00:00:00Z'),
      },
    );
    expect(authorization(signature)).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(signature.headers).toContainEqual(['X-Amz-Content-Sha256', EMPTY_PAYLOAD_HASH]);
  });

  it('a session token is sent and signed; headers proxies rewrite are not signed', () => {
    const signature = signAwsV4({ ...suite, sessionToken: 'TOKEN' }, {
      method: 'GET',
      url: new URL('https://example.amazonaws.com/a%20b/(c)?b=2&a=x%2By'),
      headers: [
        ['User-Agent', 'Shuttle/0.1'],
        ['Accept-Encoding', 'gzip'],
        ['X-Custom', '  two   spaces  '],
      ],
      payloadHash: EMPTY_PAYLOAD_HASH,
      now,
    });
    expect(signature.headers).toContainEqual(['X-Amz-Security-Token', 'TOKEN']);
    expect(authorization(signature)).toContain('SignedHeaders=host;x-amz-date;x-amz-security-token;x-custom,');
    const [method, path, query, ...rest] = signature.canonicalRequest.split('\n');
    expect([method, path, query]).toEqual(['GET', '/a%2520b/%2528c%2529', 'a=x%2By&b=2']);
    expect(rest).toContain('x-custom:two spaces');
  });
});

describe('PKCE', () => {
  it('S256 matches RFC 7636 appendix B', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});
