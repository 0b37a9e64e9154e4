import { Facet, Prec, StateEffect, StateField, type Extension, type Transaction } from '@codemirror/state';
import { Decoration, EditorView, hoverTooltip, keymap, MatchDecorator, showTooltip, ViewPlugin, type DecorationSet, type TooltipView, type ViewUpdate } from '@codemirror/view';
import { parseTemplate } from '../../../../shared/vars/template.ts';
import { completeReference, matchingNames, openReferenceAt, type VariableDescription } from './variable-text.ts';
import type { VariableLookup } from './VariablesContext.tsx';

/**
 * `{{variables}}` in the code editor (CodeMirror 6), as VariableField does for one-line fields:
 * references coloured resolved or unresolved, a hover card with the value (masked when secret) and
 * scope, and names offered after `{{`. Only visible lines are decorated, so a large body costs what
 * is on screen.
 */
export interface CodeVariables {
  lookup(name: string): VariableLookup;
  names: readonly string[];
  describe(lookup: VariableLookup): VariableDescription;
  /** The accessible name of the suggestion list. */
  suggestionsLabel: string;
}

const NONE: CodeVariables = { lookup: () => ({ kind: 'unresolved' }), names: [], describe: () => ({ value: '', unresolved: true }), suggestionsLabel: '' };
const variablesFacet = Facet.define<CodeVariables, CodeVariables>({ combine: (values) => values[0] ?? NONE });

/** The variables an editor shows; a new value (the variables changed) re-colours the references. */
export function variableCodeExtension(variables: CodeVariables): Extension {
  return [variablesFacet.of(variables), highlighter, hover, completionField, completionKeys, theme];
}

/** The reference in a match, if it is one: the same rule as sending (shared/vars/template.ts). */
function referenceName(text: string): string | undefined {
  const [part] = parseTemplate(text);
  return part?.kind === 'variable' && part.end === text.length ? part.name : undefined;
}

const matcher = new MatchDecorator({
  regexp: /\{\{[^{}]*\}\}/g,
  decorate(add, from, to, match, view) {
    const name = referenceName(match[0]);
    if (name === undefined) return;
    const resolved = view.state.facet(variablesFacet).lookup(name).kind !== 'unresolved';
    add(from, to, Decoration.mark({ class: resolved ? 'var-token resolved' : 'var-token unresolved', attributes: { 'data-testid': 'var-token', 'data-name': name, 'data-resolved': String(resolved) } }));
  },
});

const highlighter = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = matcher.createDeco(view);
    }
    update(update: ViewUpdate) {
      const variablesChanged = update.startState.facet(variablesFacet) !== update.state.facet(variablesFacet);
      this.decorations = variablesChanged ? matcher.createDeco(update.view) : matcher.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

const hover = hoverTooltip((view, pos) => {
  const line = view.state.doc.lineAt(pos);
  const part = parseTemplate(line.text).find((candidate) => candidate.kind === 'variable' && line.from + candidate.start <= pos && pos <= line.from + candidate.end);
  if (part?.kind !== 'variable') return null;
  return {
    pos: line.from + part.start,
    end: line.from + part.end,
    create: (shown) => {
      const card = element('div', 'var-tooltip', []);
      card.setAttribute('role', 'tooltip');
      card.dataset.testid = 'var-tooltip';
      const fill = (variables: CodeVariables) => {
        const described = variables.describe(variables.lookup(part.name));
        card.replaceChildren(element('code', undefined, [part.name]), element('span', described.unresolved ? 'var-tooltip-value unresolved' : 'var-tooltip-value', [described.value]));
        if (described.scope) card.append(element('span', 'var-tooltip-scope', [described.scope]));
      };
      fill(shown.state.facet(variablesFacet));
      // The card follows the variables while it is open (they are fetched again after every edit).
      const update = (change: ViewUpdate) => {
        const variables = change.state.facet(variablesFacet);
        if (variables !== change.startState.facet(variablesFacet)) fill(variables);
      };
      return { dom: card, update };
    },
  };
});

interface Completion {
  /** Where the `{{` starts in the document. */
  from: number;
  options: string[];
  index: number;
}

const setCompletion = StateEffect.define<Completion | null>();

/** Typing opens (or narrows) the list after `{{`; moving the caret out of the reference closes it. */
const completionField = StateField.define<Completion | null>({
  create: () => null,
  update(open, transaction) {
    for (const effect of transaction.effects) if (effect.is(setCompletion)) return effect.value;
    const typed = transaction.isUserEvent('input') || transaction.isUserEvent('delete');
    if (!typed && !(open && (transaction.docChanged || transaction.selection))) return open;
    return completionAt(transaction, open);
  },
  provide: (field) => showTooltip.from(field, (open) => (open ? { pos: open.from, above: false, create: createCompletionView } : null)),
});

// One function for every state of the list: the editor keeps a tooltip whose `create` is the same, and updates it.
function createCompletionView(view: EditorView): TooltipView {
  const list = element('ul', 'var-suggest');
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', view.state.facet(variablesFacet).suggestionsLabel);
  list.dataset.testid = 'var-suggest';
  drawCompletion(view, list);
  return {
    dom: list,
    update(update) {
      if (update.startState.field(completionField) !== update.state.field(completionField)) drawCompletion(view, list);
    },
  };
}

function completionAt(transaction: Transaction, open: Completion | null): Completion | null {
  const { state } = transaction;
  const selection = state.selection.main;
  if (!selection.empty) return null;
  const line = state.doc.lineAt(selection.head);
  const reference = openReferenceAt(line.text, selection.head - line.from);
  if (!reference) return null;
  const options = matchingNames(state.facet(variablesFacet).names, reference.prefix);
  if (options.length === 0) return null;
  const from = line.from + reference.start;
  return { from, options, index: open?.from === from ? Math.min(open.index, options.length - 1) : 0 };
}

function drawCompletion(view: EditorView, list: HTMLElement): void {
  const open = view.state.field(completionField);
  if (!open) return;
  const variables = view.state.facet(variablesFacet);
  list.replaceChildren(
    ...open.options.map((name, index) => {
      const item = element('li', index === open.index ? 'active' : undefined, [element('code', undefined, [name]), element('span', 'var-suggest-scope', [variables.describe(variables.lookup(name)).scope ?? ''])]);
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', String(index === open.index));
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        accept(view, name);
      });
      return item;
    }),
  );
}

function accept(view: EditorView, name: string): boolean {
  const open = view.state.field(completionField);
  if (!open) return false;
  const caret = view.state.selection.main.head;
  const line = view.state.doc.lineAt(caret);
  const edit = completeReference(line.text, open.from - line.from, caret - line.from, name);
  view.dispatch({
    changes: { from: line.from + edit.from, to: line.from + edit.to, insert: edit.insert },
    selection: { anchor: line.from + edit.from + edit.insert.length },
    effects: setCompletion.of(null),
    userEvent: 'input.complete',
  });
  return true;
}

const move = (step: number) => (view: EditorView) => {
  const open = view.state.field(completionField);
  if (!open) return false;
  view.dispatch({ effects: setCompletion.of({ ...open, index: (open.index + step + open.options.length) % open.options.length }) });
  return true;
};
const acceptSelected = (view: EditorView) => {
  const open = view.state.field(completionField);
  return open ? accept(view, open.options[open.index]!) : false;
};

// Above the editor's own keys: while the list is open, arrows, Enter and Tab belong to it.
const completionKeys = Prec.highest(
  keymap.of([
    { key: 'ArrowDown', run: move(1) },
    { key: 'ArrowUp', run: move(-1) },
    { key: 'Enter', run: acceptSelected },
    { key: 'Tab', run: acceptSelected },
    {
      key: 'Escape',
      run: (view) => {
        if (!view.state.field(completionField)) return false;
        view.dispatch({ effects: setCompletion.of(null) });
        return true;
      },
    },
  ]),
);

// The cards bring their own look (the same as the one-line fields'); the editor's tooltip frame goes.
const theme = EditorView.baseTheme({
  '.cm-tooltip.cm-tooltip-hover': { border: 'none', backgroundColor: 'transparent' },
  '.cm-tooltip-hover .var-tooltip': { position: 'static' },
  '.cm-tooltip.var-suggest': { border: '1px solid var(--border)', backgroundColor: 'var(--surface)' },
});

function element(tag: string, className: string | undefined, children: (Node | string)[] = []): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}
