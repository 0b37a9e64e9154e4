import { useMemo } from 'react';
import { contentTypeForBodyMode } from '../../../../shared/http/body-content-type.ts';
import { BODY_MODES, type BodyMode } from '../../../../shared/model/request.ts';
import { formatJson } from '../../../../shared/text/format-json.ts';
import { Button } from '../../components/Button.tsx';
import { CodeView } from '../../components/CodeView.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { RequestDraft } from '../tabs/request-draft.ts';

export function BodyEditor({ body, onChange }: { body: RequestDraft['body']; onChange: (body: RequestDraft['body']) => void }) {
  const { t } = useI18n();
  const jsonProblem = useMemo(() => (body.mode === 'json' ? jsonError(body.text) : undefined), [body.mode, body.text]);
  const contentType = contentTypeForBodyMode(body.mode);

  return (
    <div className="body-editor">
      <div className="body-toolbar">
        <div className="segmented" role="radiogroup" aria-label={t('request.body.mode')} data-testid="body-mode">
          {BODY_MODES.map((mode) => (
            <label key={mode} className={body.mode === mode ? 'segment selected' : 'segment'}>
              <input
                type="radio"
                name="body-mode"
                value={mode}
                checked={body.mode === mode}
                onChange={() => onChange({ ...body, mode: mode as BodyMode })}
              />
              {t(`request.body.${mode}`)}
            </label>
          ))}
        </div>
        {contentType ? <span className="hint">{t('request.body.contentTypeHint', { type: contentType })}</span> : null}
        {body.mode === 'json' ? (
          <Button size="sm" variant="ghost" disabled={!!jsonProblem || body.text.trim() === ''} onClick={() => onChange({ ...body, text: formatJson(body.text) })}>
            {t('request.body.format')}
          </Button>
        ) : null}
      </div>
      {body.mode === 'none' ? (
        <p className="empty-hint">{t('request.body.noneHint')}</p>
      ) : (
        <>
          <div className="body-code">
            <CodeView
              testId="body-editor"
              label={t('request.body')}
              language={body.mode === 'json' ? 'json' : 'text'}
              value={body.text}
              onChange={(text) => onChange({ ...body, text })}
            />
          </div>
          {jsonProblem ? (
            <p className="field-problem" role="status">
              {t('request.body.invalidJson', { message: jsonProblem })}
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

function jsonError(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
