import { useEffect, useMemo, useState } from 'react';
import { JSONPath } from 'jsonpath-plus';
import type { HttpResponseMeta } from '../../../../shared/model/response.ts';
import { parseSseText } from '../../../../shared/http/sse-parser.ts';
import { formatJson } from '../../../../shared/text/format-json.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { Button } from '../../components/Button.tsx';
import { CodeView, type CodeLanguage, type TextMark } from '../../components/CodeView.tsx';
import { errorSentence, useI18n } from '../../i18n/I18nProvider.tsx';
import { bodyKind, charsetOf, headerValue, viewsFor, type BodyKind, type BodyViewName } from './body-kind.ts';
import { findMatches } from './find-matches.ts';
import { formatBytes } from './format.ts';
import { HEX_ROW_BYTES, hexLine } from './hex-lines.ts';
import { JsonTreeView } from './JsonTreeView.tsx';
import { LineView, type LineSource } from './LineView.tsx';
import { PreviewView } from './PreviewView.tsx';
import { saveBody } from './save-body.ts';
import { SearchBar, type SearchState } from './SearchBar.tsx';
import { SseEventList } from './SseEventList.tsx';
import { base64ToBytes, useResponseBody } from './useResponseBody.ts';

const LANGUAGE: Partial<Record<BodyKind, CodeLanguage>> = { json: 'json', xml: 'xml', html: 'html', javascript: 'javascript' };
const SEARCH_DEBOUNCE_MS = 200;
const VIEW_POLL_MS = 400;

export function ResponseBodyView({ response }: { response: HttpResponseMeta }) {
  const { t } = useI18n();
  const body = useResponseBody(response, charsetOf(headerValue(response, 'content-type') ?? ''));
  if (response.bodySize === 0) {
    return (
      <div className="response-body" data-testid="response-body" data-empty="true">
        <p className="empty-hint">{t('response.emptyBody')}</p>
      </div>
    );
  }
  if (body.state === 'loading') return <div className="response-body" data-testid="response-body" data-loading="true" />;
  if (body.state === 'failed') {
    return (
      <div className="response-body" data-testid="response-body">
        <p className="field-problem">{errorSentence(t, body.error)}</p>
      </div>
    );
  }
  return <LoadedBodyView response={response} bytes={body.bytes} text={body.text} large={body.large} />;
}

function LoadedBodyView({ response, bytes, text, large }: { response: HttpResponseMeta; bytes: Uint8Array; text: string; large: boolean }) {
  const { t } = useI18n();
  const api = useApi();
  const contentType = headerValue(response, 'content-type') ?? '';
  const kind = useMemo(() => bodyKind(contentType, bytes), [contentType, bytes]);
  const views = viewsFor(kind);
  const [view, setView] = useState<BodyViewName>(views[0]!);
  const [wrap, setWrap] = useState(false);
  const [filter, setFilter] = useState('');
  const [search, setSearch] = useState<SearchState>({ query: '', regex: false, caseSensitive: false });
  const [activeMatch, setActiveMatch] = useState(0);
  const [notice, setNotice] = useState<string>();

  const parsed = useMemo(() => (kind === 'json' && !large ? tryParse(text) : undefined), [kind, large, text]);
  const filtered = useMemo(() => runFilter(filter, parsed), [filter, parsed]);
  const shownText = useMemo(() => {
    if (filtered?.ok) return view === 'raw' ? JSON.stringify(filtered.value) : JSON.stringify(filtered.value, null, 2);
    if (view === 'pretty' && parsed?.ok) return formatJson(text);
    return text;
  }, [filtered, parsed, text, view]);

  const variant = view === 'pretty' && kind === 'json' ? 'pretty' : 'raw';
  const engineLines = useEngineLines(response.bodyId, variant, large && (view === 'pretty' || view === 'raw'));
  const hexSource = useMemo<LineSource>(
    () => ({
      lineCount: Math.ceil(response.bodySize / HEX_ROW_BYTES),
      async read(from, count) {
        const result = await api.call('body.read', { bodyId: response.bodyId, offset: from * HEX_ROW_BYTES, length: Math.min(8 * 1024 * 1024, count * HEX_ROW_BYTES) });
        if (!result.ok) return [];
        const chunk = base64ToBytes(result.value.base64);
        const lines: string[] = [];
        for (let i = 0; i < chunk.length; i += HEX_ROW_BYTES) lines.push(hexLine(from * HEX_ROW_BYTES + i, chunk.subarray(i, i + HEX_ROW_BYTES)));
        return lines;
      },
    }),
    [api, response.bodyId, response.bodySize],
  );

  const localMatches = useMemo(() => (large || view === 'hex' ? undefined : findMatches(shownText, search)), [large, view, shownText, search]);
  const engineMatches = useEngineSearch(response.bodyId, variant, search, large && view !== 'hex');
  const matches: { marks: TextMark[]; truncated: boolean; problem?: string; busy: boolean } = large
    ? engineMatches
    : localMatches?.ok
      ? { marks: localMatches.marks, truncated: localMatches.truncated, busy: false }
      : { marks: [], truncated: false, busy: false, problem: localMatches?.problem };
  const active = matches.marks.length === 0 ? -1 : Math.min(activeMatch, matches.marks.length - 1);

  const textView = view === 'pretty' || view === 'raw';
  return (
    <div className="response-body-view">
      <div className="body-toolbar">
        <div className="segmented" role="radiogroup" aria-label={t('response.body')}>
          {views.map((name) => (
            <label key={name} className={view === name ? 'segment selected' : 'segment'}>
              <input type="radio" name={`response-view-${response.runId}`} value={name} checked={view === name} onChange={() => setView(name)} data-testid={`response-view-${name}`} />
              {t(`response.view.${name}`)}
            </label>
          ))}
        </div>
        {textView ? (
          <label className="toggle" title={t('response.wrap')}>
            <input type="checkbox" data-testid="response-wrap" checked={wrap} onChange={(event) => setWrap(event.target.checked)} />
            {t('response.wrap')}
          </label>
        ) : null}
        {kind === 'json' && !large ? (
          <input
            className="text-input filter-input"
            data-testid="response-filter"
            placeholder={t('response.filter')}
            aria-label={t('response.filter')}
            value={filter}
            spellCheck={false}
            onChange={(event) => setFilter(event.target.value)}
          />
        ) : null}
        <span className="spacer" />
        <Button size="sm" variant="ghost" disabled={large} title={large ? t('response.copyTooLarge') : undefined} onClick={() => void navigator.clipboard.writeText(shownText).then(() => setNotice(t('response.copied')))}>
          {t('response.copy')}
        </Button>
        <Button size="sm" variant="ghost" data-testid="response-save" onClick={() => void saveBody(api, response).then((problem) => setNotice(problem ?? t('response.saved')))}>
          {t('response.save')}
        </Button>
      </div>
      <div className="body-notes">
        {filtered && !filtered.ok ? <span className="hint warning" data-testid="filter-problem">{t('response.filterInvalid', { message: filtered.problem })}</span> : null}
        {filtered?.ok ? <span className="hint">{t('response.filterResult', { count: Array.isArray(filtered.value) ? filtered.value.length : 1 })}</span> : null}
        {kind === 'binary' && textView ? <span className="hint">{t('response.binary', { size: formatBytes(response.bodySize) })}</span> : null}
        {large ? <span className="hint">{t('response.large', { size: formatBytes(response.bodySize) })}</span> : null}
        {response.bodyTruncated ? <span className="hint warning">{t('response.truncated', { size: formatBytes(response.bodySize) })}</span> : null}
        {notice ? <span className="hint" role="status">{notice}</span> : null}
      </div>
      {textView || view === 'hex' ? (
        <SearchBar
          state={search}
          onChange={(next) => {
            setSearch(next);
            setActiveMatch(0);
          }}
          count={matches.marks.length}
          truncated={matches.truncated}
          active={active}
          busy={matches.busy}
          problem={matches.problem ? t('search.invalid', { message: matches.problem }) : undefined}
          onStep={(step) => matches.marks.length && setActiveMatch((active + step + matches.marks.length) % matches.marks.length)}
        />
      ) : null}
      <div className="response-body" data-testid="response-body" data-view={view}>
        {textView && !large ? (
          <CodeView value={shownText} language={view === 'pretty' || filtered?.ok ? (LANGUAGE[kind] ?? 'text') : 'text'} testId="response-code" label={t('response.body')} wrap={wrap} marks={matches.marks} activeMark={active} />
        ) : null}
        {textView && large && engineLines ? <LineView source={engineLines} marks={matches.marks} activeMark={active} testId="response-lines" label={t('response.body')} /> : null}
        {view === 'hex' ? <LineView source={hexSource} testId="response-hex" label={t('response.view.hex')} /> : null}
        {view === 'events' ? <SseEventList events={large ? [] : parseSseText(text)} live={false} /> : null}
        {view === 'preview' ? <PreviewView kind={kind} bytes={bytes} text={text} contentType={contentType} /> : null}
        {view === 'tree' ? (
          parsed?.ok ? (
            <JsonTreeView value={filtered?.ok ? filtered.value : parsed.value} />
          ) : (
            <p className="empty-hint">{large ? t('response.treeTooLarge') : t('response.notJson')}</p>
          )
        ) : null}
      </div>
    </div>
  );
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** JSONPath over the parsed body; filter expressions run in jsonpath-plus's safe evaluator, never eval. */
function runFilter(path: string, parsed: ReturnType<typeof tryParse> | undefined): { ok: true; value: unknown } | { ok: false; problem: string } | undefined {
  if (path.trim() === '' || !parsed?.ok) return undefined;
  try {
    return { ok: true, value: JSONPath({ path: path.trim(), json: parsed.value as object, eval: 'safe', wrap: true }) };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
}

/** The engine's line view of a large body (raw, or its pretty-printed copy). */
function useEngineLines(bodyId: string, variant: 'raw' | 'pretty', enabled: boolean): LineSource | undefined {
  const api = useApi();
  const [source, setSource] = useState<{ key: string; source: LineSource }>();
  const key = `${bodyId}:${variant}`;
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async (from: number, count: number) => {
      const lines = await api.call('body.lines', { bodyId, variant, from, count });
      return lines.ok ? lines.value.lines : [];
    };
    // A pretty copy of a big body opens with its first screen and keeps growing: follow it.
    const poll = () =>
      void api.call('body.view', { bodyId, variant }).then((result) => {
        if (!current || !result.ok) return;
        setSource({ key, source: { lineCount: result.value.lineCount, read } });
        if (!result.value.complete) timer = setTimeout(poll, VIEW_POLL_MS);
      });
    poll();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, bodyId, variant, enabled, key]);
  return enabled && source?.key === key ? source.source : undefined;
}

/** Searches a large body in the engine, after the person pauses typing. */
function useEngineSearch(bodyId: string, variant: 'raw' | 'pretty', search: SearchState, enabled: boolean) {
  const api = useApi();
  const key = JSON.stringify([bodyId, variant, search]);
  const [result, setResult] = useState<{ key: string; marks: TextMark[]; truncated: boolean; problem?: string }>();
  useEffect(() => {
    if (!enabled || search.query === '') return;
    let current = true;
    const timer = setTimeout(() => {
      void api.call('body.search', { bodyId, variant, query: search.query, regex: search.regex, caseSensitive: search.caseSensitive }).then((found) => {
        if (!current) return;
        setResult(found.ok ? { key, marks: found.value.matches, truncated: found.value.truncated } : { key, marks: [], truncated: false, problem: found.error.message });
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, bodyId, variant, search, enabled, key]);
  if (!enabled || search.query === '') return { marks: [], truncated: false, busy: false };
  if (result?.key !== key) return { marks: [], truncated: false, busy: true };
  return { marks: result.marks, truncated: result.truncated, problem: result.problem, busy: false };
}
