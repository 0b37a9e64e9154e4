import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactElement, type RefObject } from 'react';
import { parseTemplate, type TemplatePart } from '../../../../shared/vars/template.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { completeReference, describeVariable, matchingNames, openReferenceAt } from './variable-text.ts';
import { useVariables } from './VariablesContext.tsx';

const NO_PARTS: readonly TemplatePart[] = [];
/** Room the suggestion list needs below a field before it opens above it instead. */
const SUGGEST_HEIGHT = 260;

interface Hover {
  name: string;
  left: number;
  top: number;
}

interface Suggest {
  /** Where the `{{` starts in the value. */
  start: number;
  options: string[];
  index: number;
  /** Viewport position: the list is fixed, so a scrolling table or a dialog does not clip it. */
  left: number;
  top?: number;
  bottom?: number;
}

/**
 * Wraps a one-line input to show its `{{variables}}`: resolved ones in the accent colour,
 * unresolved ones in the warning colour, each with its value and scope on hover, and names
 * offered after `{{`. The input keeps working as a plain input: the colours come from a mirror
 * drawn under its (transparent) text, kept scrolled with it.
 *
 * A field without `{{` (nearly every cell of a large table) costs one wrapper element: the mirror,
 * listeners, hover card and suggestions mount only once a `{{` is in the value. A `masked` field
 * (a password input) is never mirrored, as that would show what it hides; it still completes names.
 */
export function VariableField({ value, masked = false, children }: { value: string; masked?: boolean; children: ReactElement }) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const active = value.includes('{{');
  const parts = useMemo(() => (active && !masked ? parseTemplate(value) : NO_PARTS), [active, masked, value]);
  const highlighted = parts.some((part) => part.kind === 'variable');
  return (
    <div className={highlighted ? 'var-field has-references' : 'var-field'} ref={wrapRef}>
      {children}
      {active ? <VariableDecorations wrapRef={wrapRef} parts={parts} highlighted={highlighted} /> : null}
    </div>
  );
}

function VariableDecorations({ wrapRef, parts, highlighted }: { wrapRef: RefObject<HTMLDivElement | null>; parts: readonly TemplatePart[]; highlighted: boolean }) {
  const { t } = useI18n();
  const { lookup, names } = useVariables();
  const mirrorRef = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<Hover>();
  const [suggest, setSuggest] = useState<Suggest>();
  const input = () => wrapRef.current?.querySelector('input') ?? null;

  // The mirror follows the input's horizontal scroll. Reading scrollLeft lays the page out, so it is
  // read once per frame, before that frame's own layout: typing next to a table of thousands of rows
  // then costs no extra layout.
  const scrollFrame = useRef(0);
  const syncScroll = () => {
    cancelAnimationFrame(scrollFrame.current);
    scrollFrame.current = requestAnimationFrame(() => {
      const field = input();
      const text = mirrorRef.current?.firstElementChild as HTMLElement | null;
      if (field && text) text.style.transform = `translateX(${-field.scrollLeft}px)`;
    });
  };
  useEffect(() => () => cancelAnimationFrame(scrollFrame.current), []);

  // The mirror takes the input's own metrics (once it is drawn), so the coloured text sits exactly on the typed text.
  useLayoutEffect(() => {
    // Through the mirror, not the wrapper's ref: on a first mount that ref is attached after this runs.
    const mirror = mirrorRef.current;
    const field = mirror?.parentElement?.querySelector('input');
    if (!field || !mirror) return;
    const style = getComputedStyle(field);
    mirror.style.font = style.font;
    mirror.style.letterSpacing = style.letterSpacing;
    mirror.style.paddingLeft = `${parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth)}px`;
    mirror.style.paddingRight = `${parseFloat(style.paddingRight) + parseFloat(style.borderRightWidth)}px`;
  }, [highlighted]);
  useEffect(syncScroll);

  useEffect(() => {
    const field = input();
    if (!field) return;
    const updateSuggestions = () => {
      syncScroll();
      const open = document.activeElement === field ? openReferenceAt(field.value, field.selectionStart ?? field.value.length) : undefined;
      const options = open ? matchingNames(names, open.prefix) : [];
      if (!open || options.length === 0) return setSuggest(undefined);
      const box = wrapRef.current!.getBoundingClientRect();
      const below = box.bottom + SUGGEST_HEIGHT < window.innerHeight;
      setSuggest({ start: open.start, options, index: 0, left: box.left, ...(below ? { top: box.bottom + 4 } : { bottom: window.innerHeight - box.top + 4 }) });
    };
    const close = () => setSuggest(undefined);
    // Mounted by the keystroke that typed `{{`: that input event has passed, so look now.
    updateSuggestions();
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
    // The wrapper ref and syncScroll are stable in effect; `names` is what the suggestions are made from.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [names]);

  const accept = (name: string) => {
    const field = input();
    if (!field || !suggest) return;
    const edit = completeReference(field.value, suggest.start, field.selectionStart ?? field.value.length, name);
    const next = field.value.slice(0, edit.from) + edit.insert + field.value.slice(edit.to);
    // Through the native setter and an input event, so the controlled input's onChange sees it as typing.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, next);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    const position = edit.from + edit.insert.length;
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

  // Looked up at render, not kept from the moment of hovering: the card follows a value that changes meanwhile.
  const described = hover ? describeVariable(lookup(hover.name), t) : undefined;
  return (
    <>
      {highlighted ? (
        <div className="var-mirror" ref={mirrorRef} aria-hidden>
          <div className="var-mirror-text">
            {parts.map((part) => {
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
                    setHover({ name: part.name, left: Math.max(8, Math.min(box.left, window.innerWidth - 430)), top: box.bottom + 6 });
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
            })}
          </div>
        </div>
      ) : null}
      {hover && described ? (
        <div className="var-tooltip" role="tooltip" data-testid="var-tooltip" style={{ left: hover.left, top: hover.top }}>
          <code>{hover.name}</code>
          <span className={described.unresolved ? 'var-tooltip-value unresolved' : 'var-tooltip-value'}>{described.value}</span>
          {described.scope ? <span className="var-tooltip-scope">{described.scope}</span> : null}
        </div>
      ) : null}
      {suggest ? (
        <ul
          className="var-suggest"
          role="listbox"
          aria-label={t('vars.suggestions')}
          data-testid="var-suggest"
          style={{ left: suggest.left, top: suggest.top, bottom: suggest.bottom }}
        >
          {suggest.options.map((name, index) => {
            const scope = describeVariable(lookup(name), t).scope;
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
                <span className="var-suggest-scope">{scope ?? ''}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}
