import type { HttpRequestSpec } from '../../../shared/model/request.ts';
import type { SendContext } from '../../../shared/model/workspace.ts';
import type { OAuth2Service } from '../auth/oauth2/oauth2-service.ts';
import type { RequestVariables } from '../vars/request-variables.ts';

/**
 * The request as `http.send` would put it on the wire, for "Copy as cURL": variables resolved,
 * inherited headers and auth applied, and an OAuth 2.0 request's cached token as its Authorization
 * header (curl cannot fetch one, and a copy never fetches one either).
 */
export async function requestAsSent(
  spec: HttpRequestSpec,
  context: SendContext | undefined,
  deps: { variables: RequestVariables; oauth2: OAuth2Service },
): Promise<HttpRequestSpec> {
  const resolved = await deps.variables.resolveHttp(spec, context);
  const authorization = resolved.auth?.type === 'oauth2' ? deps.oauth2.cachedAuthorization(resolved.auth) : undefined;
  if (!authorization) return resolved;
  return { ...resolved, auth: { type: 'none' }, headers: [...resolved.headers, { name: 'Authorization', value: authorization, enabled: true }] };
}
