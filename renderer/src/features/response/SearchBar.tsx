import { ChevronDown, ChevronUp } from 'lucide-react';
import { IconButton } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export interface SearchState {
  query: string;
  regex: boolean;
  caseSensitive: boolean;
}

/** Find in the body: text or regex, case toggle, "3 of 12", previous/next (Enter / Shift+Enter). */
export function SearchBar({
  state,
  onChange,
  count,
  truncated,
  active,
  onStep,
  busy,
  problem,
}: {
  state: SearchState;
  onChange: (state: SearchState) => void;
  count: number;
  truncated: boolean;
  active: number;
  onStep: (step: 1 | -1) => void;
  busy: boolean;
  problem?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="search-bar">
      <input
        className="text-input search-input"
        data-testid="response-search"
        type="search"
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        value={state.query}
        onChange={(event) => onChange({ ...state, query: event.target.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onStep(event.shiftKey ? -1 : 1);
          }
        }}
      />
      <label className="toggle" title={t('search.regex')}>
        <input type="checkbox" data-testid="search-regex" checked={state.regex} onChange={(event) => onChange({ ...state, regex: event.target.checked })} />
        .*
      </label>
      <label className="toggle" title={t('search.case')}>
        <input type="checkbox" data-testid="search-case" checked={state.caseSensitive} onChange={(event) => onChange({ ...state, caseSensitive: event.target.checked })} />
        Aa
      </label>
      <span className="search-count" data-testid="search-count" aria-live="polite">
        {problem ?? (state.query === '' ? '' : busy ? t('search.searching') : count === 0 ? t('search.none') : t('search.position', { index: active + 1, count: truncated ? `${count}+` : count }))}
      </span>
      <IconButton label={t('search.previous')} disabled={count === 0} onClick={() => onStep(-1)}>
        <ChevronUp size={15} />
      </IconButton>
      <IconButton label={t('search.next')} data-testid="search-next" disabled={count === 0} onClick={() => onStep(1)}>
        <ChevronDown size={15} />
      </IconButton>
    </div>
  );
}
