import { useEffect, useState } from 'react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import type { OAuth2TokenInfo } from '../../../../shared/model/oauth2.ts';
import type { AuthSpec, RequestSettings } from '../../../../shared/model/request.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { Button } from '../../components/Button.tsx';
import { errorSentence, useI18n } from '../../i18n/I18nProvider.tsx';

type OAuth2Auth = Extract<AuthSpec, { type: 'oauth2' }>;

/**
 * The cached OAuth 2.0 token for these settings: shown, fetched now, or cleared. For the
 * authorization code grant, "Sign in" opens the provider in the system browser and the engine's
 * loopback listener receives the redirect.
 */
export function OAuth2TokenBox({ auth, settings }: { auth: OAuth2Auth; settings: RequestSettings }) {
  const { t } = useI18n();
  const api = useApi();
  const [token, setToken] = useState<OAuth2TokenInfo | null>(null);
  const [problem, setProblem] = useState<ShuttleError>();
  const [busy, setBusy] = useState(false);
  const authKey = JSON.stringify(auth);

  useEffect(() => {
    let current = true;
    void api.call('oauth2.token', { auth, settings }).then((result) => {
      if (current) setToken(result.ok ? result.value : null);
    });
    return () => {
      current = false;
    };
    // Re-read the cache when the grant's identity changes, not on every keystroke elsewhere.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, authKey]);

  const fetchToken = async () => {
    setBusy(true);
    setProblem(undefined);
    if (auth.grantType === 'authorization_code') {
      const started = await api.call('oauth2.authorize', { auth, settings });
      if (!started.ok) {
        setBusy(false);
        return setProblem(started.error);
      }
      const stop = api.on('oauth2.authorization', (outcome) => {
        if (outcome.flowId !== started.value.flowId) return;
        stop();
        setBusy(false);
        if (outcome.token) setToken(outcome.token);
        if (outcome.error) setProblem(outcome.error);
      });
      window.open(started.value.authorizationUrl, '_blank', 'noopener');
      return;
    }
    const result = await api.call('oauth2.fetchToken', { auth, settings });
    setBusy(false);
    if (result.ok) setToken(result.value);
    else setProblem(result.error);
  };

  return (
    <div className="oauth-token" data-testid="oauth2-token">
      <div className="oauth-token-row">
        <Button size="sm" variant="secondary" disabled={busy} onClick={() => void fetchToken()} data-testid="oauth2-fetch">
          {auth.grantType === 'authorization_code' ? t('auth.oauth2.signIn') : t('auth.oauth2.getToken')}
        </Button>
        {token ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => void api.call('oauth2.clearToken', { auth, settings }).then(() => setToken(null))}
          >
            {t('auth.oauth2.clearToken')}
          </Button>
        ) : null}
        {busy ? <span className="hint">{t('auth.oauth2.waiting')}</span> : null}
      </div>
      {token ? (
        <dl className="timeline-facts">
          <dt>{t('auth.oauth2.accessToken')}</dt>
          <dd data-testid="oauth2-access-token">{abbreviate(token.accessToken)}</dd>
          <dt>{t('auth.oauth2.expires')}</dt>
          <dd>{token.expiresAt ? new Date(token.expiresAt).toLocaleString() : t('auth.oauth2.noExpiry')}</dd>
          {token.scope ? (
            <>
              <dt>{t('auth.oauth2.scope')}</dt>
              <dd>{token.scope}</dd>
            </>
          ) : null}
          <dt>{t('auth.oauth2.refresh')}</dt>
          <dd>{token.hasRefreshToken ? t('auth.oauth2.refreshYes') : t('auth.oauth2.refreshNo')}</dd>
        </dl>
      ) : (
        <p className="panel-hint">{t('auth.oauth2.noToken')}</p>
      )}
      {problem ? (
        <p className="field-problem" role="alert">
          {errorSentence(t, problem)}
        </p>
      ) : null}
    </div>
  );
}

/** Enough of a token to recognise it, without putting the whole secret on screen. */
function abbreviate(token: string): string {
  return token.length <= 16 ? token : `${token.slice(0, 8)}…${token.slice(-6)}`;
}
