import { describe, expect, it } from 'vitest';
import { differingFields } from '../../../../../renderer/src/features/collections/conflict-compare.ts';
import { savedRequestOf, tabForSaved } from '../../../../../renderer/src/features/tabs/saved-tabs.ts';
import { emptyWsRequest } from '../../../../../shared/model/websocket.ts';
import type { SavedRequest } from '../../../../../shared/model/workspace.ts';

/** A request as a tab would save it: normalised the way the conflict dialog compares. */
function normalised(spec: Partial<Extract<SavedRequest, { kind: 'http' }>['spec']>): SavedRequest {
  const request: SavedRequest = { kind: 'http', spec: { method: 'GET', url: 'http://127.0.0.1:1/', headers: [], body: { mode: 'none', text: '' }, ...spec } };
  return savedRequestOf(tabForSaved(request));
}

describe('the fields a conflict differs in', () => {
  it('names each request field whose value differs, in the request’s order', () => {
    const onDisk = normalised({ url: 'http://127.0.0.1:1/orders?status=theirs', headers: [{ name: 'Accept', value: 'text/plain', enabled: true }] });
    const draft = normalised({ url: 'http://127.0.0.1:1/orders?status=mine', headers: [{ name: 'Accept', value: 'application/json', enabled: true }] });

    expect(differingFields(onDisk, draft)).toEqual(['url', 'headers']);
  });

  it('is empty when only the file’s formatting could differ', () => {
    expect(differingFields(normalised({ method: 'POST' }), normalised({ method: 'POST' }))).toEqual([]);
  });

  it('a request that became a WebSocket one on disk differs in its kind', () => {
    const websocket = savedRequestOf(tabForSaved({ kind: 'websocket', spec: emptyWsRequest() }));
    expect(differingFields(websocket, normalised({}))).toEqual(['kind']);
  });
});
