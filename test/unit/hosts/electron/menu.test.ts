import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: {} }));
const { applicationMenuTemplate } = await import('../../../../main/hosts/electron/menu.ts');

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('the application menu', () => {
  it('offers copy and paste everywhere through the Edit menu', () => {
    for (const isMac of [true, false]) {
      expect(roles(applicationMenuTemplate({ isMac, isDevelopment: false }))).toContain('editMenu');
    }
  });

  it('has no developer tools or reload in a packaged build', () => {
    const packaged = roles(applicationMenuTemplate({ isMac: false, isDevelopment: false }));
    const development = roles(applicationMenuTemplate({ isMac: false, isDevelopment: true }));

    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(development).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('leaves Ctrl/Cmd+W to the UI (close tab): no close-window item or role menu that carries one', () => {
    for (const isMac of [true, false]) {
      const all = roles(applicationMenuTemplate({ isMac, isDevelopment: true }));
      for (const role of ['close', 'windowMenu', 'fileMenu']) expect(all, `${role} (mac: ${isMac})`).not.toContain(role);
    }
  });
});
