import { useEffect, useState } from 'react';
import { Trash2 } from 'lucide-react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import type { StoredCookie } from '../../../../shared/model/cookie.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { Button, IconButton } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { errorSentence, useI18n } from '../../i18n/I18nProvider.tsx';
import { useWorkspace } from '../collections/WorkspaceContext.tsx';

const blankCookie = (): StoredCookie => ({ name: '', value: '', domain: '', path: '/', expires: null, httpOnly: false, secure: false, hostOnly: true });

/** The open workspace's cookie jar: every cookie Shuttle keeps and sends from it, grouped by domain; edit, add, delete, clear. */
export function CookieManager({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  // Each workspace has its own jar: the list is read again when another workspace opens.
  const workspace = useWorkspace().tree;
  const [cookies, setCookies] = useState<StoredCookie[]>([]);
  const [draft, setDraft] = useState<StoredCookie>(blankCookie);
  const [problem, setProblem] = useState<ShuttleError>();
  const [filter, setFilter] = useState('');

  // Bumped after every change so the list is read again from the jar.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!open) return;
    let current = true;
    void api.call('cookies.list', {}).then((result) => {
      if (!current) return;
      if (result.ok) setCookies(result.value);
      else setProblem(result.error);
    });
    return () => {
      current = false;
    };
  }, [api, open, version, workspace?.root]);

  const run = async (work: Promise<{ ok: boolean; error?: ShuttleError }>) => {
    const result = await work;
    setProblem(result.ok ? undefined : result.error);
    setVersion((value) => value + 1);
    return result.ok;
  };

  const shown = cookies.filter((cookie) => `${cookie.domain} ${cookie.name}`.toLowerCase().includes(filter.toLowerCase()));
  const domains = [...new Set(shown.map((cookie) => cookie.domain))].sort();

  return (
    <Dialog open={open} onClose={onClose} title={workspace ? t('cookies.titleOf', { workspace: workspace.name }) : t('cookies.title')} closeLabel={t('settings.close')} testId="cookie-manager" wide>
      <div className="cookie-toolbar">
        <input className="text-input" placeholder={t('cookies.filter')} aria-label={t('cookies.filter')} value={filter} onChange={(event) => setFilter(event.target.value)} />
        <span className="spacer" />
        <Button size="sm" variant="ghost" disabled={cookies.length === 0} onClick={() => void run(api.call('cookies.clear', {}))}>
          {t('cookies.clear')}
        </Button>
      </div>
      {cookies.length === 0 ? <p className="panel-hint">{t('cookies.empty')}</p> : null}
      {domains.map((domain) => (
        <section key={domain} className="cookie-domain" data-testid="cookie-domain" data-domain={domain}>
          <h3 className="panel-heading">{domain}</h3>
          <table className="header-table cookie-table">
            <tbody>
              {shown
                .filter((cookie) => cookie.domain === domain)
                .map((cookie) => (
                  <tr key={`${cookie.path}|${cookie.name}`} data-testid="cookie-row" data-name={cookie.name}>
                    <td className="header-name">{cookie.name}</td>
                    <td>
                      <input
                        className="kv-input"
                        aria-label={t('cookies.valueOf', { name: cookie.name })}
                        defaultValue={cookie.value}
                        onBlur={(event) => {
                          if (event.target.value !== cookie.value) void run(api.call('cookies.set', { cookie: { ...cookie, value: event.target.value } }));
                        }}
                      />
                    </td>
                    <td className="cookie-attrs">
                      {cookie.path} · {cookie.expires ? new Date(cookie.expires).toLocaleString() : t('cookies.session')}
                      {cookie.httpOnly ? ' · HttpOnly' : ''}
                      {cookie.secure ? ' · Secure' : ''}
                      {cookie.sameSite ? ` · SameSite=${cookie.sameSite}` : ''}
                    </td>
                    <td className="kv-actions">
                      <IconButton label={t('cookies.delete', { name: cookie.name })} onClick={() => void run(api.call('cookies.delete', { domain: cookie.domain, path: cookie.path, name: cookie.name }))}>
                        <Trash2 size={14} />
                      </IconButton>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      <form
        className="cookie-add"
        onSubmit={(event) => {
          event.preventDefault();
          void run(api.call('cookies.set', { cookie: draft })).then((saved) => saved && setDraft(blankCookie()));
        }}
      >
        <h3 className="panel-heading">{t('cookies.add')}</h3>
        <div className="cookie-add-fields">
          <input className="text-input" required placeholder={t('cookies.domain')} aria-label={t('cookies.domain')} value={draft.domain} onChange={(event) => setDraft({ ...draft, domain: event.target.value })} />
          <input className="text-input" required placeholder={t('table.name')} aria-label={t('table.name')} value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
          <input className="text-input" placeholder={t('table.value')} aria-label={t('table.value')} value={draft.value} onChange={(event) => setDraft({ ...draft, value: event.target.value })} />
          <input className="text-input" placeholder="/" aria-label={t('cookies.path')} value={draft.path} onChange={(event) => setDraft({ ...draft, path: event.target.value || '/' })} />
          <Button type="submit" size="sm" variant="primary">
            {t('cookies.save')}
          </Button>
        </div>
      </form>
      {problem ? (
        <p className="field-problem" role="alert">
          {errorSentence(t, problem)}
        </p>
      ) : null}
    </Dialog>
  );
}
