import { useEffect, useRef } from 'react';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';

export type CodeLanguage = 'json' | 'text';

// Colours come from CSS variables so the editor follows the light/dark theme without reconfiguring.
const highlightStyle = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--code-key)' },
  { tag: tags.string, color: 'var(--code-string)' },
  { tag: tags.number, color: 'var(--code-number)' },
  { tag: [tags.bool, tags.null], color: 'var(--code-keyword)' },
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
});

/** A CodeMirror 6 view: an editor when `onChange` is given, else a read-only viewer. */
export function CodeView({
  value,
  onChange,
  language,
  testId,
  label,
  wrap = false,
}: {
  value: string;
  onChange?: (value: string) => void;
  language: CodeLanguage;
  testId: string;
  label: string;
  wrap?: boolean;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const languageSlot = useRef(new Compartment());
  const wrapSlot = useRef(new Compartment());
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
      languageSlot.current.of(language === 'json' ? json() : []),
      wrapSlot.current.of(wrap ? EditorView.lineWrapping : []),
      EditorView.contentAttributes.of({ 'aria-label': label }),
      keymap.of([...foldKeymap]),
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
    viewRef.current?.dispatch({ effects: languageSlot.current.reconfigure(language === 'json' ? json() : []) });
  }, [language]);
  useEffect(() => {
    viewRef.current?.dispatch({ effects: wrapSlot.current.reconfigure(wrap ? EditorView.lineWrapping : []) });
  }, [wrap]);

  return <div className="code-view" data-testid={testId} ref={hostRef} />;
}
