import { describe, expect, it } from 'vitest';
import type { HttpRequestSpec } from '../../../shared/model/request.ts';
import { sessionOf, tabsFromSession } from '../../../renderer/src/features/session/session-tabs.ts';
import { withUrl } from '../../../renderer/src/features/tabs/request-draft.ts';
import { isDirty, tabForSaved, withSavedTabs, type SavedTabsState } from '../../../renderer/src/features/tabs/saved-tabs.ts';
import { initialTabsState, tabsReducer, type RequestTab } from '../../../renderer/src/features/tabs/tabs-reducer.ts';

const reduce = withSavedTabs(tabsReducer);
const spec = (url: string): HttpRequestSpec => ({ method: 'GET', url, headers: [], body: { mode: 'none', text: '' } });
const open = (state: SavedTabsState, path: string, url: string, revision = 'r1') =>
  reduce(state, { type: 'openSaved', path, revision, request: { kind: 'http', spec: spec(url) } });
const tabAt = (state: SavedTabsState, path: string) => state.tabs.find((tab) => tab.saved?.path === path) as RequestTab;
const edit = (state: SavedTabsState, path: string, url: string) => {
  const tab = tabAt(state, path);
  return reduce(state, { type: 'edit', tabId: tab.id, draft: withUrl(tab.draft, url) });
};

describe('tabs that edit saved requests', () => {
  it('open clean, become dirty on an edit and clean again when the edit is undone; opening again selects the same tab', () => {
    let state = open(initialTabsState(), 'Shop/A.yaml', '/a');
    expect(isDirty(tabAt(state, 'Shop/A.yaml'))).toBe(false);

    state = edit(state, 'Shop/A.yaml', '/a?x=1');
    expect(isDirty(tabAt(state, 'Shop/A.yaml'))).toBe(true);
    state = edit(state, 'Shop/A.yaml', '/a');
    expect(isDirty(tabAt(state, 'Shop/A.yaml'))).toBe(false);

    const count = state.tabs.length;
    state = reduce(state, { type: 'select', tabId: state.tabs[0]!.id });
    state = open(state, 'Shop/A.yaml', '/a');
    expect(state.tabs).toHaveLength(count);
    expect(state.activeId).toBe(tabAt(state, 'Shop/A.yaml').id);
  });

  it('a change on disk reloads a clean tab and becomes a conflict on a dirty one; the person chooses', () => {
    let state = open(open(initialTabsState(), 'Shop/Clean.yaml', '/clean'), 'Shop/Dirty.yaml', '/dirty');
    state = edit(state, 'Shop/Dirty.yaml', '/mine');

    for (const [path, url] of [['Shop/Clean.yaml', '/clean-theirs'], ['Shop/Dirty.yaml', '/dirty-theirs']] as const) {
      state = reduce(state, { type: 'diskChanged', path, revision: 'r2', request: { kind: 'http', spec: spec(url) } });
    }

    expect(tabAt(state, 'Shop/Clean.yaml').draft.url).toBe('/clean-theirs');
    expect(tabAt(state, 'Shop/Clean.yaml').conflict).toBeUndefined();
    const dirty = tabAt(state, 'Shop/Dirty.yaml');
    expect(dirty.draft.url).toBe('/mine');
    expect(dirty.conflict?.revision).toBe('r2');

    const keepMine = reduce(state, { type: 'resolveConflict', tabId: dirty.id, keep: 'mine' });
    expect(tabAt(keepMine, 'Shop/Dirty.yaml')).toMatchObject({ conflict: undefined, saved: { revision: 'r2' } });
    expect(tabAt(keepMine, 'Shop/Dirty.yaml').draft.url).toBe('/mine');
    expect(isDirty(tabAt(keepMine, 'Shop/Dirty.yaml'))).toBe(true);

    const takeTheirs = reduce(state, { type: 'resolveConflict', tabId: dirty.id, keep: 'theirs' });
    expect(tabAt(takeTheirs, 'Shop/Dirty.yaml').draft.url).toBe('/dirty-theirs');
    expect(isDirty(tabAt(takeTheirs, 'Shop/Dirty.yaml'))).toBe(false);
  });

  it('the echo of its own save (same revision) changes nothing', () => {
    let state = edit(open(initialTabsState(), 'Shop/A.yaml', '/a'), 'Shop/A.yaml', '/b');
    const tab = tabAt(state, 'Shop/A.yaml');
    state = reduce(state, { type: 'markSaved', tabId: tab.id, path: 'Shop/A.yaml', revision: 'r9' });

    const after = reduce(state, { type: 'diskChanged', path: 'Shop/A.yaml', revision: 'r9', request: { kind: 'http', spec: spec('/b') } });

    expect(after).toBe(state);
    expect(isDirty(tabAt(after, 'Shop/A.yaml'))).toBe(false);
  });

  it('tabs follow a rename or move of their request or of a folder above it', () => {
    let state = open(open(initialTabsState(), 'Shop/Orders/A.yaml', '/a'), 'Shop/Other.yaml', '/o');
    state = reduce(state, { type: 'pathMoved', from: 'Shop/Orders', to: 'Shop/Archive/Orders' });
    expect(state.tabs.map((tab) => tab.saved?.path)).toEqual([undefined, 'Shop/Archive/Orders/A.yaml', 'Shop/Other.yaml']);
  });

  it('a dirty tab asks before it closes', () => {
    let state = edit(open(initialTabsState(), 'Shop/A.yaml', '/a'), 'Shop/A.yaml', '/b');
    state = reduce(state, { type: 'askClose', tabId: tabAt(state, 'Shop/A.yaml').id });
    expect(state.closeRequest).toBe(tabAt(state, 'Shop/A.yaml').id);
  });
});

describe('the session journal', () => {
  it('brings back every tab with its draft, where it is saved, and whether it has unsaved edits', () => {
    let state = edit(open(open(initialTabsState(), 'Shop/A.yaml', '/a'), 'Shop/B.yaml', '/b'), 'Shop/A.yaml', '/a-draft');
    const journal = JSON.parse(JSON.stringify(sessionOf(state)));

    const restored = tabsFromSession(journal);

    expect(restored.map((tab) => [tab.id, tab.saved?.path, tab.draft.url, isDirty(tab)])).toEqual([
      [state.tabs[0]!.id, undefined, '', false],
      [tabAt(state, 'Shop/A.yaml').id, 'Shop/A.yaml', '/a-draft', true],
      [tabAt(state, 'Shop/B.yaml').id, 'Shop/B.yaml', '/b', false],
    ]);
    state = reduce(state, { type: 'restore', tabs: restored, activeId: journal.activeId });
    expect(state.activeId).toBe(journal.activeId);
  });

  it('leaves out a tab it cannot read instead of losing the whole session', () => {
    const good = tabForSaved({ kind: 'http', spec: spec('/ok') });
    const journal = sessionOf({ tabs: [good], activeId: good.id });
    journal.tabs.push({ id: 'bad', kind: 'http', draft: { method: 42 } }, { id: 'future', kind: 'grpc', draft: {} });

    expect(tabsFromSession(journal).map((tab) => tab.draft.url)).toEqual(['/ok']);
  });
});
