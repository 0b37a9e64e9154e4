import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuSettings {
  isMac: boolean;
  /** Reload and developer tools are for people working on Shuttle, not in a packaged build. */
  isDevelopment: boolean;
}

/**
 * A deliberately small menu: the Edit roles (so copy/paste work everywhere), zoom, and window
 * basics. It binds no Ctrl/Cmd+W, T, S, L or K: those belong to the UI (close tab, new tab…).
 */
export function applicationMenuTemplate({ isMac, isDevelopment }: MenuSettings): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(isDevelopment
      ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : [{ label: 'File', submenu: [{ role: 'quit' } as const] }]),
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { label: 'Window', submenu: [{ role: 'minimize' }, ...(isMac ? ([{ role: 'zoom' }, { role: 'front' }] as const) : [])] },
  ];
}

export function installApplicationMenu(settings: MenuSettings): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(settings)));
}
