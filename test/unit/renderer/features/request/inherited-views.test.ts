import { describe, expect, it } from 'vitest';
import type { InheritedLayerView } from '../../../../../shared/model/workspace.ts';
import type { HostCertificate } from '../../../../../shared/model/settings.ts';
import { inheritedAuthOf, inheritedSettingsOf, withHostSettings } from '../../../../../renderer/src/features/request/inherited-views.ts';
import type { VariableLookup } from '../../../../../renderer/src/features/variables/VariablesContext.tsx';
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

describe('what Settings → Certificates gives a request, beneath its collection and folders', () => {
  const devServer: HostCertificate = { host: 'dev.test:8443', verifyTls: false, caCert: { kind: 'path', path: '/ca.pem' } };
  const lookup = (name: string): VariableLookup =>
    name === 'base' ? { kind: 'defined', variable: { name, value: 'https://dev.test:8443', scope: 'environment', secret: false } } : { kind: 'unresolved' };
  const from = 'Settings → Certificates (dev.test:8443)';

  it('fills in what nothing closer sets, for the URL’s host with its variables filled in', () => {
    expect(withHostSettings({}, '{{base}}/orders', lookup, [devServer])).toEqual({
      caCert: { value: { kind: 'path', path: '/ca.pem' }, from },
      verifyTls: { value: false, from },
    });
    // The collection's own choice stays; the host fills only the rest.
    expect(withHostSettings(inheritedSettingsOf([shop]), 'https://dev.test:8443/', lookup, [devServer]).verifyTls).toEqual({ value: false, from: 'Shop' });
  });

  it('gives nothing to another host, plain http, or a URL not yet valid', () => {
    expect(withHostSettings({}, 'https://dev.test/', lookup, [devServer])).toEqual({});
    expect(withHostSettings({}, 'http://dev.test:8443/', lookup, [devServer])).toEqual({});
    expect(withHostSettings({}, '{{missing}}/orders', lookup, [devServer])).toEqual({});
  });
});
