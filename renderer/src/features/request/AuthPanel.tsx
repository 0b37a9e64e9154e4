import { AUTH_TYPES, OAUTH2_GRANTS, type AuthSpec, type AuthType, type RequestSettings } from '../../../../shared/model/request.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { OAuth2TokenBox } from './OAuth2TokenBox.tsx';

/** A blank spec for each auth type, so switching type always yields a complete, valid value. */
function blankAuth(type: AuthType): AuthSpec {
  switch (type) {
    case 'none':
    case 'inherit':
      return { type };
    case 'basic':
    case 'digest':
      return { type, username: '', password: '' };
    case 'bearer':
      return { type, token: '' };
    case 'apikey':
      return { type, key: 'X-API-Key', value: '', in: 'header' };
    case 'oauth2':
      return { type, grantType: 'client_credentials', tokenUrl: '', clientId: '', clientSecret: '', scope: '', usePkce: true, clientAuth: 'basic' };
    case 'awsv4':
      return { type, accessKeyId: '', secretAccessKey: '', region: 'us-east-1', service: 'execute-api' };
  }
}

export function AuthPanel({ auth, settings, onChange }: { auth: AuthSpec; settings: RequestSettings; onChange: (auth: AuthSpec) => void }) {
  const { t } = useI18n();
  return (
    <div className="panel-stack form-grid">
      <label className="form-row">
        <span>{t('auth.type')}</span>
        <select className="compact-select" data-testid="auth-type" value={auth.type} onChange={(event) => onChange(blankAuth(event.target.value as AuthType))}>
          {AUTH_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`auth.type.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <AuthFields auth={auth} onChange={onChange} />
      {auth.type === 'oauth2' ? <OAuth2TokenBox auth={auth} settings={settings} /> : null}
    </div>
  );
}

function AuthFields({ auth, onChange }: { auth: AuthSpec; onChange: (auth: AuthSpec) => void }) {
  const { t } = useI18n();
  // Each field edits one string property of the current spec; the union type is kept by spreading.
  const field = (key: string, label: MessageKey, options: { secret?: boolean; placeholder?: string } = {}) => (
    <label className="form-row" key={key}>
      <span>{t(label)}</span>
      <input
        className="text-input"
        data-testid={`auth-${key}`}
        type={options.secret ? 'password' : 'text'}
        autoComplete="off"
        spellCheck={false}
        placeholder={options.placeholder}
        value={String((auth as Record<string, unknown>)[key] ?? '')}
        onChange={(event) => onChange({ ...auth, [key]: event.target.value } as AuthSpec)}
      />
    </label>
  );

  switch (auth.type) {
    case 'none':
      return <p className="panel-hint">{t('auth.none.hint')}</p>;
    case 'inherit':
      return <p className="panel-hint">{t('auth.inherit.hint')}</p>;
    case 'basic':
    case 'digest':
      return (
        <>
          {field('username', 'auth.username')}
          {field('password', 'auth.password', { secret: true })}
          {auth.type === 'digest' ? <p className="panel-hint">{t('auth.digest.hint')}</p> : null}
        </>
      );
    case 'bearer':
      return (
        <>
          {field('token', 'auth.token', { secret: true })}
          {field('prefix', 'auth.prefix', { placeholder: 'Bearer' })}
        </>
      );
    case 'apikey':
      return (
        <>
          {field('key', 'auth.apikey.key')}
          {field('value', 'auth.apikey.value', { secret: true })}
          <label className="form-row">
            <span>{t('auth.apikey.in')}</span>
            <select className="compact-select" data-testid="auth-in" value={auth.in} onChange={(event) => onChange({ ...auth, in: event.target.value as 'header' | 'query' })}>
              <option value="header">{t('auth.apikey.header')}</option>
              <option value="query">{t('auth.apikey.query')}</option>
            </select>
          </label>
        </>
      );
    case 'oauth2':
      return (
        <>
          <label className="form-row">
            <span>{t('auth.oauth2.grant')}</span>
            <select className="compact-select" data-testid="auth-grant" value={auth.grantType} onChange={(event) => onChange({ ...auth, grantType: event.target.value as (typeof OAUTH2_GRANTS)[number] })}>
              {OAUTH2_GRANTS.map((grant) => (
                <option key={grant} value={grant}>
                  {t(`auth.oauth2.grant.${grant}`)}
                </option>
              ))}
            </select>
          </label>
          {auth.grantType === 'authorization_code' ? field('authUrl', 'auth.oauth2.authUrl', { placeholder: 'https://auth.example.com/authorize' }) : null}
          {field('tokenUrl', 'auth.oauth2.tokenUrl', { placeholder: 'https://auth.example.com/token' })}
          {field('clientId', 'auth.oauth2.clientId')}
          {field('clientSecret', 'auth.oauth2.clientSecret', { secret: true })}
          {field('scope', 'auth.oauth2.scope')}
          {auth.grantType === 'password' ? (
            <>
              {field('username', 'auth.username')}
              {field('password', 'auth.password', { secret: true })}
            </>
          ) : null}
          <label className="form-row">
            <span>{t('auth.oauth2.clientAuth')}</span>
            <select className="compact-select" value={auth.clientAuth ?? 'basic'} onChange={(event) => onChange({ ...auth, clientAuth: event.target.value as 'basic' | 'body' })}>
              <option value="basic">{t('auth.oauth2.clientAuth.basic')}</option>
              <option value="body">{t('auth.oauth2.clientAuth.body')}</option>
            </select>
          </label>
          {auth.grantType === 'authorization_code' ? (
            <label className="form-row checkbox-row">
              <input type="checkbox" checked={auth.usePkce !== false} onChange={(event) => onChange({ ...auth, usePkce: event.target.checked })} />
              <span>{t('auth.oauth2.pkce')}</span>
            </label>
          ) : null}
          <p className="panel-hint">{t('auth.oauth2.hint')}</p>
        </>
      );
    case 'awsv4':
      return (
        <>
          {field('accessKeyId', 'auth.aws.accessKeyId')}
          {field('secretAccessKey', 'auth.aws.secretAccessKey', { secret: true })}
          {field('sessionToken', 'auth.aws.sessionToken', { secret: true })}
          {field('region', 'auth.aws.region')}
          {field('service', 'auth.aws.service')}
        </>
      );
  }
}
