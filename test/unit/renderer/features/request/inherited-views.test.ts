import { describe, expect, it } from 'vitest';
import type { InheritedLayerView } from '../../../../../shared/model/workspace.ts';
import { inheritedAuthOf, inheritedSettingsOf } from '../../../../../renderer/src/features/request/inherited-views.ts';
import { draftFromSpec, requestVariablesOf, specFromDraft } from '../../../../../renderer/src/features/tabs/request-draft.ts';

const shop: InheritedLayerView = { kind: 'collection', path: 'Shop', name: 'Shop', headers: [], auth: { type: 'bearer' }, settings: { timeoutMs: 5_000, verifyTls: false } };
const orders: InheritedLayerView = { kind: 'folder', path: 'Shop/Orders', name: 'Orders', headers: [], auth: { type: 'inherit' }, settings: { timeoutMs: 9_000 } };

describe('what the request editor says a request inherits', () => {
  it('names the auth an inherit auth comes to and where it is set; null when nothing sets one; undefined outside a collection', () => {
    expect(inheritedAuthOf([shop, orders])).toEqual({ type: 'bearer', from: { kind: 'collection', name: 'Shop' } });
    expect(inheritedAuthOf([shop, { ...orders, auth: { type: 'basic' } }])).toEqual({ type: 'basic', from: { kind: 'folder', name: 'Orders' } });
    expect(inheritedAuthOf([{ ...shop, auth: undefined }, orders])).toBeNull();
    expect(inheritedAuthOf(undefined)).toBeUndefined();
  });

  it('gives each inherited setting its value and the name of the deepest layer setting it', () => {
    expect(inheritedSettingsOf([shop, orders])).toEqual({ timeoutMs: { value: 9_000, from: 'Orders' }, verifyTls: { value: false, from: 'Shop' } });
    expect(inheritedSettingsOf(undefined)).toEqual({});
  });
});

describe('request-scope variables in a draft', () => {
  it('round-trip through the spec; blank rows and names that cannot be referenced are left out', () => {
    const draft = draftFromSpec({ method: 'GET', url: '/', headers: [], body: { mode: 'none', text: '' }, variables: [{ name: 'id', value: '42', enabled: true }] });
    const rows = [...draft.variables, { id: 'a', name: ' who ', value: 'me', enabled: false }, { id: 'b', name: '', value: '', enabled: true }, { id: 'c', name: 'a b', value: 'x', enabled: true }, { id: 'd', name: '$uuid', value: 'x', enabled: true }];

    expect(requestVariablesOf(rows)).toEqual([
      { name: 'id', value: '42', enabled: true },
      { name: 'who', value: 'me', enabled: false },
    ]);
    expect(specFromDraft(draft).variables).toEqual([{ name: 'id', value: '42', enabled: true }]);
    expect(specFromDraft({ ...draft, variables: [] })).not.toHaveProperty('variables');
  });
});
