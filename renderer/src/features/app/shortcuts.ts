import { useEffect } from 'react';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function sendShortcutLabel(): string {
  return isMac ? '⌘ Enter' : 'Ctrl + Enter';
}

export interface ShortcutHandlers {
  send(): void;
  newTab(): void;
  closeTab(): void;
  focusUrl(): void;
}

/**
 * App-wide shortcuts with Ctrl (Cmd on macOS): Enter sends, T opens a tab, W closes it, L focuses
 * the URL. In a browser tab the browser may keep T/W/L for itself; the desktop app gets them all.
 */
export function useGlobalShortcuts(handlers: ShortcutHandlers): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(isMac ? event.metaKey : event.ctrlKey) || event.altKey || event.shiftKey) return;
      const action =
        event.key === 'Enter' ? handlers.send : event.key === 't' ? handlers.newTab : event.key === 'w' ? handlers.closeTab : event.key === 'l' ? handlers.focusUrl : undefined;
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [handlers]);
}
