import { describe, expect, it } from 'vitest';
import { emptyWsRequest, type WsRequestSpec } from '../../../../../shared/model/websocket.ts';
import { isDirty, savedRequestOf, tabForSaved, wsDraftFromSpec } from '../../../../../renderer/src/features/tabs/saved-tabs.ts';
import type { WebSocketTab } from '../../../../../renderer/src/features/tabs/tabs-reducer.ts';
import { specFromWsDraft } from '../../../../../renderer/src/features/websocket/ws-draft.ts';

describe('a WebSocket tab’s draft and the request it saves', () => {
  it('keeps the auth, client certificate and CA through the editor', () => {
    const spec: WsRequestSpec = {
      ...emptyWsRequest(),
      url: 'wss://api.test/live',
      auth: { type: 'apikey', key: 'token', value: '{{key}}', in: 'query' },
      tlsVerify: false,
      clientCert: { pfx: { kind: 'inline', fileName: 'me.p12', base64: 'AAAA' }, passphrase: '{{pass}}' },
      caCert: { kind: 'path', path: '/etc/ca.pem' },
    };

    expect(specFromWsDraft(wsDraftFromSpec(spec))).toEqual(spec);
  });

  it('a request saved before auth and certificates existed opens clean and saves without them', () => {
    const saved = { kind: 'websocket' as const, spec: { ...emptyWsRequest(), url: 'ws://api.test/chat' } };
    const tab = tabForSaved(saved, { path: 'Shop/Chat.yaml', revision: 'r1' }) as WebSocketTab;

    expect(tab.draft.auth).toEqual({ type: 'none' });
    expect(isDirty(tab)).toBe(false);
    expect(savedRequestOf(tab)).toEqual(saved);
  });
});
