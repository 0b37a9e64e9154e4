import { describe, expect, it } from 'vitest';
import { restrictPermissions } from '../../../../main/hosts/electron/permissions.ts';
import { FakeSession } from './fake-electron.ts';

describe('browser permissions', () => {
  it('refuses every other permission the page asks for', async () => {
    const session = new FakeSession();
    restrictPermissions(session.asSession());

    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'fullscreen']) {
      await expect(session.request(permission), permission).resolves.toBe(false);
    }
  });

  it("lets only the app's own pages write to the clipboard (the Copy buttons)", async () => {
    const session = new FakeSession();
    restrictPermissions(session.asSession());

    await expect(session.request('clipboard-sanitized-write')).resolves.toBe(true);
    expect(session.checkHandler?.(null, 'clipboard-sanitized-write', 'app://shuttle', {})).toBe(true);
    expect(session.checkHandler?.(null, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
    await expect(
      new Promise((resolve) => session.requestHandler?.({}, 'clipboard-sanitized-write', resolve, { requestingUrl: 'https://evil.example/' })),
    ).resolves.toBe(false);
  });

  it('answers "not granted" to every other permission check and device request', () => {
    const session = new FakeSession();
    restrictPermissions(session.asSession());

    for (const permission of ['media', 'clipboard-read', 'serial', 'usb']) {
      expect(session.checkHandler?.(null, permission, 'app://shuttle', {}), permission).toBe(false);
    }
    expect(session.deviceHandler?.({ deviceType: 'usb', origin: 'app://shuttle' })).toBe(false);
  });
});
