import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { parseTemplate } from '../../../../shared/vars/template.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useVariables, type VariableLookup } from './VariablesContext.tsx';

const MAX_SUGGESTIONS = 8;
const OPEN_REFERENCE = /\{\{\s*([A-Za-z0-9_.$-]*)$/;

interface Hover {
  name: string;
  lookup: VariableLookup;
  left: number;
  top: number;
}

interface Suggest {
  /** Where the `{{` starts in the value. */
  start: number;
  options: string[];
  index: number;
}

/**
 * Wraps a one-line input to show its `{{variables}}`: resolved ones in the accent colour,
 * unresolved ones in the warning colour, each with its value and scope on hover, and names
 * offered after `{{`. The input keeps working as a plain input: the colours come from a
 * mirror drawn under its (transparent) text, kept scrolled with it.
 */
export function VariableField({ value, children }: { value: string; children: ReactNode }) {
  const { t } = useI18n();
  const { lookup, names } = useVariables();
  const wrapRef = useRef<HTMLDivElement>(null);
  const mirrorRef = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<Hover>();
  const [suggest, setSuggest] = useState<Suggest>();
  const parts = useMemo(() => parseTemplate(value), [value]);
  const hasReferences = parts.some((part) => part.kind === 'variable');
  const input = () => wrapRef.current?.querySelector('input') ?? null;

  // The mirror takes the input's own metrics, so the coloured text sits exactly on the typed text.
  useLayoutEffect(() => {
    const field = input();
    const mirror = mirrorRef.current;
    if (!field || !mirror) return;
    const style = getComputedStyle(field);
    mirror.style.font = style.font;
    mirror.style.letterSpacing = style.letterSpacing;
    mirror.style.paddingLeft = `${parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth)}px`;
    mirror.style.paddingRight = `${parseFloat(style.paddingRight) + parseFloat(style.borderRightWidth)}px`;
    const text = mirror.firstElementChild as HTMLElement | null;
    if (text) text.style.transform = `translateX(${-field.scrollLeft}px)`;
  });

  useEffect(() => {
    const field = input();
    if (!field) return;
    const syncScroll = () => {
      const text = mirrorRef.current?.firstElementChild as HTMLElement | null;
      if (text) text.style.transform = `translateX(${-field.scrollLeft}px)`;
    };
    const updateSuggestions = () => {
      syncScroll();
      const caret = field.selectionStart ?? field.value.length;
      const match = OPEN_REFERENCE.exec(field.value.slice(0, caret));
      if (!match || document.activeElement !== field) return setSuggest(undefined);
      const prefix = match[1]!.toLowerCase();
      const options = names.filter((name) => name.toLowerCase().startsWith(prefix)).slice(0, MAX_SUGGESTIONS);
      setSuggest(options.length > 0 ? { start: caret - match[0].length, options, index: 0 } : undefined);
    };
    const close = () => setSuggest(undefined);
    field.addEventListener('scroll', syncScroll);
    field.addEventListener('input', updateSuggestions);
    field.addEventListener('keyup', syncScroll);
    field.addEventListener('click', updateSuggestions);
    field.addEventListener('blur', close);
    return () => {
      field.removeEventListener('scroll', syncScroll);
      field.removeEventListener('input', updateSuggestions);
      field.removeEventListener('keyup', syncScroll);
      field.removeEventListener('click', updateSuggestions);
      field.removeEventListener('blur', close);
    };
  }, [names]);

  const accept = (name: string) => {
    const field = input();
    if (!field || !suggest) return;
    const caret = field.selectionStart ?? field.value.length;
    const after = field.value.slice(caret).replace(/^[A-Za-z0-9_.$-]*\s*(\}\})?/, '');
    const next = `${field.value.slice(0, suggest.start)}{{${name}}}${after}`;
    // Through the native setter and an input event, so the controlled input's onChange sees it as typing.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, next);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    const position = suggest.start + name.length + 4;
    field.setSelectionRange(position, position);
    setSuggest(undefined);
  };

  useEffect(() => {
    const field = input();
    if (!field || !suggest) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setSuggest({ ...suggest, index: (suggest.index + step + suggest.options.length) % suggest.options.length });
      } else if (event.key === 'Enter' || event.key === 'Tab') accept(suggest.options[suggest.index]!);
      else if (event.key === 'Escape') setSuggest(undefined);
      else return;
      event.preventDefault();
      event.stopPropagation();
    };
    field.addEventListener('keydown', onKeyDown, true);
    return () => field.removeEventListener('keydown', onKeyDown, true);
  });

  return (
    <div className={hasReferences ? 'var-field has-references' : 'var-field'} ref={wrapRef}>
      {children}
      <div className="var-mirror" ref={mirrorRef} aria-hidden>
        <div className="var-mirror-text">
          {hasReferences
            ? parts.map((part) => {
                if (part.kind === 'text') return <span key={part.start}>{part.text}</span>;
                const found = lookup(part.name);
                return (
                  <span
                    key={part.start}
                    className={found.kind === 'unresolved' ? 'var-token unresolved' : 'var-token resolved'}
                    data-testid="var-token"
                    data-name={part.name}
                    data-resolved={found.kind !== 'unresolved'}
                    onMouseEnter={(event) => {
                      const box = event.currentTarget.getBoundingClientRect();
                      const wrap = wrapRef.current!.getBoundingClientRect();
                      setHover({ name: part.name, lookup: found, left: box.left - wrap.left, top: box.bottom - wrap.top + 6 });
                    }}
                    onMouseLeave={() => setHover(undefined)}
                    onMouseDown={(event) => {
                      // The token sits over the input: clicking it must still place the caret there.
                      event.preventDefault();
                      const field = input();
                      field?.focus();
                      field?.setSelectionRange(part.end, part.end);
                    }}
                  >
                    {part.text}
                  </span>
                );
              })
            : null}
        </div>
      </div>
      {hover ? (
        <div className="var-tooltip" role="tooltip" data-testid="var-tooltip" style={{ left: hover.left, top: hover.top }}>
          <code>{hover.name}</code>
          {hover.lookup.kind === 'defined' ? (
            <>
              <span className="var-tooltip-value">{hover.lookup.variable.secret ? t('vars.secretValue') : hover.lookup.variable.value || t('vars.emptyValue')}</span>
              <span className="var-tooltip-scope">{t(`vars.scope.${hover.lookup.variable.scope}`)}</span>
            </>
          ) : hover.lookup.kind === 'dynamic' ? (
            <span className="var-tooltip-value">{t('vars.dynamic')}</span>
          ) : (
            <span className="var-tooltip-value unresolved">{t('vars.unresolved')}</span>
          )}
        </div>
      ) : null}
      {suggest ? (
        <ul className="var-suggest" role="listbox" aria-label={t('vars.suggestions')} data-testid="var-suggest">
          {suggest.options.map((name, index) => {
            const found = lookup(name);
            return (
              <li
                key={name}
                role="option"
                aria-selected={index === suggest.index}
                className={index === suggest.index ? 'active' : undefined}
                onMouseDown={(event) => {
                  event.preventDefault();
                  accept(name);
                }}
              >
                <code>{name}</code>
                <span className="var-suggest-scope">
                  {found.kind === 'defined' ? t(`vars.scope.${found.variable.scope}`) : found.kind === 'dynamic' ? t('vars.scope.dynamic') : ''}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
