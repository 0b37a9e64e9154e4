import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/model/settings.ts';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Puts the effective theme ("light" | "dark") on <html data-theme>, following the system when asked to. */
export function useAppliedTheme(choice: Settings['theme']): 'light' | 'dark' {
  const [systemDark, setSystemDark] = useState(() => matchMedia(DARK_QUERY).matches);
  useEffect(() => {
    const query = matchMedia(DARK_QUERY);
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  const theme = choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
