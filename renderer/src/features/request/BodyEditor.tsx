import { useMemo } from 'react';
import { contentTypeForBodyMode } from '../../../../shared/http/body-content-type.ts';
import { BODY_MODES, RAW_BODY_MODES, type BodyMode, type RawBodyMode } from '../../../../shared/model/request.ts';
import { formatJson } from '../../../../shared/text/format-json.ts';
import { Button } from '../../components/Button.tsx';
import { CodeView } from '../../components/CodeView.tsx';
import { KeyValueTable } from '../../components/KeyValueTable.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { RequestDraft } from '../tabs/request-draft.ts';
import { useVariableCodeExtension } from '../variables/useVariableCodeExtension.ts';
import { VariableField } from '../variables/VariableField.tsx';
import { FilePicker } from './FilePicker.tsx';
import { MultipartTable } from './MultipartTable.tsx';

type Body = RequestDraft['body'];
const isRaw = (mode: BodyMode): mode is RawBodyMode => (RAW_BODY_MODES as readonly string[]).includes(mode);

export function BodyEditor({ body, onChange }: { body: Body; onChange: (body: Body) => void }) {
  const { t } = useI18n();
  const jsonProblem = useMemo(() => (body.mode === 'json' ? jsonError(body.text) : undefined), [body.mode, body.text]);
  const graphql = body.graphql ?? { query: '', variables: '' };
  const variablesProblem = useMemo(() => (body.mode === 'graphql' ? jsonError(graphql.variables) : undefined), [body.mode, graphql.variables]);
  const contentType = contentTypeForBodyMode(body.mode);
  const variables = useVariableCodeExtension();

  return (
    <div className="body-editor">
      <div className="body-toolbar">
        <label className="inline-field">
          <span className="visually-hidden">{t('request.body.mode')}</span>
          <select className="compact-select" data-testid="body-mode" aria-label={t('request.body.mode')} value={body.mode} onChange={(event) => onChange({ ...body, mode: event.target.value as BodyMode })}>
            {BODY_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`request.body.${mode}`)}
              </option>
            ))}
          </select>
        </label>
        {contentType ? <span className="hint">{t('request.body.contentTypeHint', { type: contentType })}</span> : null}
        <span className="spacer" />
        {body.mode === 'json' ? (
          <Button size="sm" variant="ghost" disabled={!!jsonProblem || body.text.trim() === ''} onClick={() => onChange({ ...body, text: formatJson(body.text) })}>
            {t('request.body.format')}
          </Button>
        ) : null}
      </div>
      {body.mode === 'none' ? <p className="empty-hint">{t('request.body.noneHint')}</p> : null}
      {isRaw(body.mode) ? (
        <>
          <div className="body-code">
            <CodeView testId="body-editor" label={t('request.body')} language={body.mode} value={body.text} extensions={variables} onChange={(text) => onChange({ ...body, text })} />
          </div>
          {jsonProblem ? (
            <p className="field-problem" role="status">
              {t('request.body.invalidJson', { message: jsonProblem })}
            </p>
          ) : null}
        </>
      ) : null}
      {body.mode === 'form-urlencoded' ? (
        <KeyValueTable
          testId="form-table"
          label={t('request.body.form-urlencoded')}
          namePlaceholder={t('params.namePlaceholder')}
          rows={body.form}
          fieldFrame={VariableField}
          onChange={(form) => onChange({ ...body, form })}
        />
      ) : null}
      {body.mode === 'multipart' ? <MultipartTable parts={body.multipart} onChange={(multipart) => onChange({ ...body, multipart })} /> : null}
      {body.mode === 'binary' ? (
        <div className="panel-stack">
          <FilePicker file={body.binary} testId="binary-file" label={t('request.body.binary')} onChange={(binary) => onChange({ ...body, binary })} />
        </div>
      ) : null}
      {body.mode === 'graphql' ? (
        <div className="graphql-editor">
          <div className="graphql-query">
            <div className="graphql-label">{t('graphql.query')}</div>
            <CodeView testId="graphql-query" label={t('graphql.query')} language="graphql" value={graphql.query} extensions={variables} onChange={(query) => onChange({ ...body, graphql: { ...graphql, query } })} />
          </div>
          <div className="graphql-side">
            <div className="graphql-label">{t('graphql.variables')}</div>
            <CodeView testId="graphql-variables" label={t('graphql.variables')} language="json" value={graphql.variables} extensions={variables} onChange={(variables) => onChange({ ...body, graphql: { ...graphql, variables } })} />
            {variablesProblem ? <p className="field-problem">{t('request.body.invalidJson', { message: variablesProblem })}</p> : null}
            <label className="graphql-operation">
              <span className="graphql-label">{t('graphql.operationName')}</span>
              <input className="text-input" data-testid="graphql-operation" value={graphql.operationName ?? ''} spellCheck={false} onChange={(event) => onChange({ ...body, graphql: { ...graphql, operationName: event.target.value || undefined } })} />
            </label>
          </div>
        </div>
      ) : null}
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
