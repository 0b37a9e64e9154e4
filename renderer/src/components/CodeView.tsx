import { useEffect, useRef } from 'react';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { html } from '@codemirror/lang-html';
import { javascript } from '@codemirror/lang-javascript';
import { json } from '@codemirror/lang-json';
import { xml } from '@codemirror/lang-xml';
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, Prec, RangeSetBuilder, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, highlightActiveLine, keymap, lineNumbers, type DecorationSet } from '@codemirror/view';
import { tags } from '@lezer/highlight';

export type CodeLanguage = 'json' | 'xml' | 'html' | 'javascript' | 'graphql' | 'text';

function languageSupport(language: CodeLanguage): Extension {
  switch (language) {
    case 'json':
      return json();
    case 'xml':
      return xml();
    case 'html':
      return html();
    case 'javascript':
      return javascript();
    // GraphQL and plain text get no grammar; brackets still match and fold.
    case 'graphql':
    case 'text':
      return [];
  }
}

// Colours come from CSS variables so the editor follows the light/dark theme without reconfiguring.
const highlightStyle = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--code-key)' },
  { tag: tags.string, color: 'var(--code-string)' },
  { tag: tags.number, color: 'var(--code-number)' },
  { tag: [tags.bool, tags.null], color: 'var(--code-keyword)' },
  { tag: [tags.keyword, tags.operatorKeyword], color: 'var(--code-keyword)' },
  { tag: [tags.tagName, tags.typeName], color: 'var(--code-key)' },
  { tag: tags.attributeName, color: 'var(--code-number)' },
  { tag: tags.attributeValue, color: 'var(--code-string)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--text-faint)', fontStyle: 'italic' },
  { tag: tags.invalid, color: 'var(--danger)' },
]);

const baseTheme = EditorView.theme({
  '&': { height: '100%', fontSize: '12.5px', backgroundColor: 'var(--surface)', color: 'var(--text)' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
  '.cm-gutters': { backgroundColor: 'var(--surface)', color: 'var(--text-faint)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--text-muted)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--selection)' },
  '.cm-foldGutter span': { color: 'var(--text-faint)' },
  '.cm-search-hit': { backgroundColor: 'var(--search-hit)', borderRadius: '2px' },
  '.cm-search-active': { backgroundColor: 'var(--search-active)', outline: '1px solid var(--warning)' },
});

/** A search hit: zero-based line, UTF-16 offset in that line, length. */
export interface TextMark {
  line: number;
  start: number;
  length: number;
}

const setMarks = StateEffect.define<{ marks: readonly TextMark[]; active: number }>();
const matchMark = Decoration.mark({ class: 'cm-search-hit' });
const activeMark = Decoration.mark({ class: 'cm-search-hit cm-search-active' });

/** Search hits drawn over the document; the active one gets its own colour. */
const marksField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    let next = decorations.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(setMarks)) continue;
      const builder = new RangeSetBuilder<Decoration>();
      const doc = transaction.state.doc;
      effect.value.marks.forEach((mark, index) => {
        if (mark.line + 1 > doc.lines) return;
        const line = doc.line(mark.line + 1);
        const from = Math.min(line.to, line.from + mark.start);
        const to = Math.min(line.to, from + mark.length);
        if (to > from) builder.add(from, to, index === effect.value.active ? activeMark : matchMark);
      });
      next = builder.finish();
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** A CodeMirror 6 view: an editor when `onChange` is given, else a read-only viewer. */
export function CodeView({
  value,
  onChange,
  language,
  testId,
  label,
  wrap = false,
  marks,
  activeMark: active = -1,
  extensions: extra,
}: {
  /** Search hits to highlight, in line order. */
  marks?: readonly TextMark[];
  /** Index into `marks` of the hit to scroll to and emphasise. */
  activeMark?: number;
  value: string;
  onChange?: (value: string) => void;
  language: CodeLanguage;
  testId: string;
  label: string;
  wrap?: boolean;
  /** More behaviour for this editor (e.g. `{{variable}}` support); a new value reconfigures it in place. */
  extensions?: Extension;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const languageSlot = useRef(new Compartment());
  const wrapSlot = useRef(new Compartment());
  const extraSlot = useRef(new Compartment());
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const editable = onChange !== undefined;

  useEffect(() => {
    const extensions: Extension[] = [
      lineNumbers(),
      foldGutter(),
      bracketMatching(),
      syntaxHighlighting(highlightStyle),
      baseTheme,
      languageSlot.current.of(languageSupport(language)),
      wrapSlot.current.of(wrap ? EditorView.lineWrapping : []),
      EditorView.contentAttributes.of({ 'aria-label': label }),
      keymap.of([...foldKeymap]),
      marksField,
      extraSlot.current.of(extra ?? []),
    ];
    if (editable) {
      extensions.push(
        // Mod-Enter is the app's Send shortcut: the editor must not also insert a line for it.
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => true }])),
        history(),
        highlightActiveLine(),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChangeRef.current?.(update.state.doc.toString());
        }),
      );
    } else {
      extensions.push(EditorState.readOnly.of(true), keymap.of(defaultKeymap));
    }
    const view = new EditorView({ parent: hostRef.current!, state: EditorState.create({ doc: value, extensions }) });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // The view is created once per mode; value, language and wrap changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editable, label]);

  useEffect(() => {
    const view = viewRef.current;
    if (view && view.state.doc.toString() !== value) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    }
  }, [value]);
  useEffect(() => {
    viewRef.current?.dispatch({ effects: languageSlot.current.reconfigure(languageSupport(language)) });
  }, [language]);
  useEffect(() => {
    viewRef.current?.dispatch({ effects: wrapSlot.current.reconfigure(wrap ? EditorView.lineWrapping : []) });
  }, [wrap]);
  useEffect(() => {
    viewRef.current?.dispatch({ effects: extraSlot.current.reconfigure(extra ?? []) });
  }, [extra]);
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const list = marks ?? [];
    const target = list[active];
    const effects: StateEffect<unknown>[] = [setMarks.of({ marks: list, active })];
    if (target && target.line + 1 <= view.state.doc.lines) {
      effects.push(EditorView.scrollIntoView(view.state.doc.line(target.line + 1).from + target.start, { y: 'center' }));
    }
    view.dispatch({ effects });
  }, [marks, active, value]);

  return <div className="code-view" data-testid={testId} ref={hostRef} />;
}
