import { describe, expect, it } from 'vitest';
import type { HttpRequestSpec } from '../../../../shared/model/request.ts';
import { applyInheritance, explainInheritedHeaders, explainInheritedSettings, inheritedAuthLayer, type InheritedLayer } from '../../../../shared/vars/inheritance.ts';

const header = (name: string, value: string, enabled = true) => ({ name, value, enabled });

const collection: InheritedLayer = {
  headers: [header('Accept', 'application/json'), header('X-Team', 'core'), header('X-Off', '1', false), header('X-Trace', 'c')],
  auth: { type: 'bearer', token: '{{token}}' },
  settings: { timeoutMs: 5_000, verifyTls: false },
};
const folder: InheritedLayer = { headers: [header('x-team', 'orders')], auth: { type: 'inherit' }, settings: { timeoutMs: 9_000 } };

describe('explaining inheritance to the request editor', () => {
  it('lists every enabled inherited header with its layer, and what overrides it: the request, or a deeper layer', () => {
    const own = [header('x-trace', 'mine'), header('Accept', 'off', false), header('', '')];

    expect(explainInheritedHeaders(own, [collection, folder])).toEqual([
      { header: header('Accept', 'application/json'), layer: 0 },
      { header: header('X-Team', 'core'), layer: 0, overriddenBy: 1 },
      { header: header('X-Trace', 'c'), layer: 0, overriddenBy: 'request' },
      { header: header('x-team', 'orders'), layer: 1 },
    ]);
  });

  it('sends exactly the inherited headers it explains as not overridden, before the request’s own', () => {
    const own = [header('X-Trace', 'mine')];
    const spec: HttpRequestSpec = { method: 'GET', url: '/', headers: own, body: { mode: 'none', text: '' } };

    const sent = applyInheritance(spec, [collection, folder]).headers;
    const explained = explainInheritedHeaders(own, [collection, folder]).filter((row) => row.overriddenBy === undefined);

    expect(sent).toEqual([...explained.map((row) => row.header), ...own]);
  });

  it('finds the layer an inherit auth comes from: the nearest that sets one other than inherit, or none', () => {
    expect(inheritedAuthLayer([collection, folder])).toBe(0);
    expect(inheritedAuthLayer([collection, { auth: { type: 'none' } }])).toBe(1);
    const noAuth: InheritedLayer = { headers: [] };
    expect(inheritedAuthLayer([{ auth: { type: 'inherit' } }, noAuth])).toBeUndefined();
    expect(inheritedAuthLayer([])).toBeUndefined();
  });

  it('gives each inherited setting the deepest value and its layer', () => {
    expect(explainInheritedSettings([collection, folder, { settings: { proxyUrl: undefined } }])).toEqual({
      timeoutMs: { value: 9_000, layer: 1 },
      verifyTls: { value: false, layer: 0 },
    });
  });
});
