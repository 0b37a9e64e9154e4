import { AUTH_TYPES, OAUTH2_GRANTS, type AuthSpec, type AuthType, type RequestSettings } from '../../../../shared/model/request.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { VariableField } from '../variables/VariableField.tsx';
import { onlyReferences } from '../variables/variable-text.ts';
import { OAuth2TokenBox } from './OAuth2TokenBox.tsx';

/**
 * What an `inherit` auth comes to: the type and the collection or folder that sets it, or null when
 * nothing above sets one (no auth is sent). Undefined: not known (a request not saved in a collection).
 */
export type InheritedAuth = { type: AuthType; from: { kind: 'collection' | 'folder'; name: string } } | null;

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

/**
 * The auth of a request, a collection or folder, or a WebSocket handshake. `types` narrows the
 * choice where not every kind applies (a handshake cannot answer a Digest challenge), and `hint`
 * says why. `inherited` says what "Inherit from parent" comes to here.
 */
export function AuthPanel({
  auth,
  settings,
  onChange,
  types = AUTH_TYPES,
  hint,
  inherited,
}: {
  auth: AuthSpec;
  settings: RequestSettings;
  onChange: (auth: AuthSpec) => void;
  types?: readonly AuthType[];
  hint?: string;
  inherited?: InheritedAuth;
}) {
  const { t } = useI18n();
  return (
    <div className="panel-stack form-grid">
      <label className="form-row">
        <span>{t('auth.type')}</span>
        <select className="compact-select" data-testid="auth-type" value={auth.type} onChange={(event) => onChange(blankAuth(event.target.value as AuthType))}>
          {types.map((type) => (
            <option key={type} value={type}>
              {t(`auth.type.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <AuthFields auth={auth} inherited={inherited} onChange={onChange} />
      {auth.type === 'oauth2' ? <OAuth2TokenBox auth={auth} settings={settings} /> : null}
      {hint ? <p className="panel-hint">{hint}</p> : null}
    </div>
  );
}

function AuthFields({ auth, inherited, onChange }: { auth: AuthSpec; inherited: InheritedAuth | undefined; onChange: (auth: AuthSpec) => void }) {
  const { t } = useI18n();
  // Each field edits one string property of the current spec; the union type is kept by spreading.
  const field = (key: string, label: MessageKey, options: { secret?: boolean; placeholder?: string } = {}) => {
    const value = String((auth as Record<string, unknown>)[key] ?? '');
    // A secret field holding only `{{references}}` shows them: a variable's name is not the secret.
    const masked = options.secret === true && !onlyReferences(value);
    return (
      <label className="form-row" key={key}>
        <span>{t(label)}</span>
        <VariableField value={value} masked={masked}>
          <input
            className="text-input"
            data-testid={`auth-${key}`}
            type={masked ? 'password' : 'text'}
            autoComplete="off"
            spellCheck={false}
            placeholder={options.placeholder}
            value={value}
            onChange={(event) => onChange({ ...auth, [key]: event.target.value } as AuthSpec)}
          />
        </VariableField>
      </label>
    );
  };

  switch (auth.type) {
    case 'none':
      return <p className="panel-hint">{t('auth.none.hint')}</p>;
    case 'inherit':
      return (
        <p className="panel-hint inherited-auth" data-testid="auth-inherited" data-type={inherited?.type ?? ''}>
          {inherited === undefined
            ? t('auth.inherit.hint')
            : inherited === null
              ? t('auth.inherit.nothing')
              : t(inherited.from.kind === 'collection' ? 'auth.inherit.fromCollection' : 'auth.inherit.fromFolder', {
                  type: t(`auth.type.${inherited.type}`),
                  name: inherited.from.name,
                })}
        </p>
      );
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
