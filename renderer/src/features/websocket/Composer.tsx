import { useMemo, useState } from 'react';
import { BookmarkPlus, Send } from 'lucide-react';
import { formatJson } from '../../../../shared/text/format-json.ts';
import { Button } from '../../components/Button.tsx';
import { CodeView } from '../../components/CodeView.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { sendShortcutLabel } from '../app/shortcuts.ts';
import { formatBytes } from '../response/format.ts';
import type { WebSocketTab } from '../tabs/tabs-reducer.ts';
import { useTabs } from '../tabs/TabsContext.tsx';
import { prepareComposed } from './composed-message.ts';
import { ErrorSentence } from './ErrorSentence.tsx';
import { LoadFileButton, MAX_FILE_BYTES } from './LoadFileButton.tsx';
import { useWsSessions, useWsSessionSelect } from './WebSocketSessions.tsx';
import { BINARY_ENCODINGS, COMPOSER_FORMATS, type ComposedMessage } from './ws-draft.ts';

/** Writes the next message: text, JSON (checked, formatted) or bytes as hex or base64; Ctrl/Cmd+Enter sends. */
export function Composer({ tab }: { tab: WebSocketTab }) {
  const { t } = useI18n();
  const { editWebSocket } = useTabs();
  const { send } = useWsSessions();
  const open = useWsSessionSelect(tab.id, (session) => session.status === 'open');
  const sendError = useWsSessionSelect(tab.id, (session) => session.sendError);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [tooLarge, setTooLarge] = useState<string>();
  const composed = tab.draft.composer;
  const prepared = useMemo(() => prepareComposed(composed), [composed]);
  const setComposed = (patch: Partial<ComposedMessage>) => editWebSocket(tab.id, { ...tab.draft, composer: { ...composed, ...patch } });

  const save = () => {
    const saved = { id: crypto.randomUUID(), name: name.trim() || t('ws.saved.untitled'), ...composed };
    editWebSocket(tab.id, { ...tab.draft, saved: [...tab.draft.saved, saved] });
    setSaving(false);
    setName('');
  };

  return (
    <div className="ws-composer">
      <div className="body-toolbar">
        <div className="segmented" role="radiogroup" aria-label={t('ws.composer.format')} data-testid="ws-format">
          {COMPOSER_FORMATS.map((format) => (
            <label key={format} className={composed.format === format ? 'segment selected' : 'segment'}>
              <input type="radio" name={`ws-format-${tab.id}`} value={format} checked={composed.format === format} onChange={() => setComposed({ format })} />
              {t(`ws.format.${format}`)}
            </label>
          ))}
        </div>
        {composed.format === 'binary' ? (
          <div className="segmented" role="radiogroup" aria-label={t('ws.composer.encoding')} data-testid="ws-encoding">
            {BINARY_ENCODINGS.map((encoding) => (
              <label key={encoding} className={composed.encoding === encoding ? 'segment selected' : 'segment'}>
                <input
                  type="radio"
                  name={`ws-encoding-${tab.id}`}
                  value={encoding}
                  checked={composed.encoding === encoding}
                  onChange={() => setComposed({ encoding })}
                />
                {t(`ws.encoding.${encoding}`)}
              </label>
            ))}
          </div>
        ) : null}
        {composed.format === 'binary' ? (
          <LoadFileButton
            onLoad={(base64) => {
              setTooLarge(undefined);
              setComposed({ encoding: 'base64', body: base64 });
            }}
            onTooLarge={setTooLarge}
          />
        ) : null}
        {composed.format === 'json' ? (
          <Button size="sm" variant="ghost" disabled={!prepared.ok || composed.body.trim() === ''} onClick={() => setComposed({ body: formatJson(composed.body) })}>
            {t('request.body.format')}
          </Button>
        ) : null}
        <span className="spacer" />
        {prepared.ok && composed.body !== '' ? <span className="hint">{formatBytes(prepared.size)}</span> : null}
        <Button size="sm" variant="ghost" data-testid="ws-save-message" onClick={() => setSaving((value) => !value)} aria-expanded={saving}>
          <BookmarkPlus size={14} aria-hidden /> {t('ws.saved.save')}
        </Button>
        <Button
          size="sm"
          variant="primary"
          data-testid="ws-send"
          disabled={!open || !prepared.ok}
          title={t('ws.send.shortcut', { keys: sendShortcutLabel() })}
          onClick={() => send(tab.id, composed)}
        >
          <Send size={13} aria-hidden /> {t('ws.send')}
        </Button>
      </div>
      {saving ? (
        <form
          className="ws-save-row"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <input
            data-testid="ws-save-name"
            aria-label={t('ws.saved.name')}
            placeholder={t('ws.saved.namePlaceholder')}
            value={name}
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
          <Button size="sm" variant="secondary" type="submit" data-testid="ws-save-confirm">
            {t('ws.saved.confirm')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSaving(false)}>
            {t('ws.saved.cancel')}
          </Button>
        </form>
      ) : null}
      <div className="body-code">
        <CodeView
          testId="ws-composer"
          label={t('ws.composer')}
          language={composed.format === 'json' ? 'json' : 'text'}
          value={composed.body}
          wrap
          onChange={(body) => setComposed({ body })}
        />
      </div>
      {!prepared.ok && composed.body.trim() !== '' ? (
        <p className="field-problem" role="status" data-testid="ws-composer-problem">
          {t(`ws.composer.${prepared.problem}`, { message: prepared.detail })}
        </p>
      ) : null}
      {tooLarge ? (
        <p className="field-problem" role="status">
          {t('ws.composer.fileTooLarge', { name: tooLarge, limit: formatBytes(MAX_FILE_BYTES) })}
        </p>
      ) : null}
      {sendError ? <ErrorSentence error={sendError} className="field-problem" testId="ws-send-error" /> : null}
    </div>
  );
}
