import { withHostCertificate } from '../../../shared/http/host-certificates.ts';
import type { HttpRequestSpec } from '../../../shared/model/request.ts';
import type { Settings } from '../../../shared/model/settings.ts';
import type { SendContext } from '../../../shared/model/workspace.ts';
import type { OAuth2Service } from '../auth/oauth2/oauth2-service.ts';
import type { RequestVariables } from '../vars/request-variables.ts';

/**
 * The request as `http.send` would put it on the wire, for "Copy as cURL": variables resolved,
 * inherited headers and auth applied, its host's certificates from Settings → Certificates where it
 * sets none, and an OAuth 2.0 request's cached token as its Authorization header (curl cannot fetch
 * one, and a copy never fetches one either).
 */
export async function requestAsSent(
  spec: HttpRequestSpec,
  context: SendContext | undefined,
  deps: { variables: RequestVariables; oauth2: OAuth2Service; settings: { get(): Settings } },
): Promise<HttpRequestSpec> {
  const resolved = withHostCertificates(await deps.variables.resolveHttp(spec, context), deps.settings.get());
  const authorization = resolved.auth?.type === 'oauth2' ? deps.oauth2.cachedAuthorization(resolved.auth) : undefined;
  if (!authorization) return resolved;
  return { ...resolved, auth: { type: 'none' }, headers: [...resolved.headers, { name: 'Authorization', value: authorization, enabled: true }] };
}

function withHostCertificates(spec: HttpRequestSpec, settings: Settings): HttpRequestSpec {
  if (settings.hostCertificates.length === 0 || !URL.canParse(spec.url)) return spec;
  const { settings: withHost, from } = withHostCertificate(spec.settings ?? {}, new URL(spec.url), settings.hostCertificates);
  return from ? { ...spec, settings: withHost } : spec;
}
