import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ShuttleError } from '../../../shared/contract/errors.ts';
import type { Settings, SettingsPatch } from '../../../shared/model/settings.ts';
import { useApi } from '../api/ApiContext.tsx';

interface SettingsState {
  settings: Settings;
  /** Applies a change at once and persists it; resolves with the error if saving failed. */
  update(patch: SettingsPatch): Promise<ShuttleError | undefined>;
}

const SettingsContext = createContext<SettingsState | null>(null);

export function SettingsProvider({ initial, children }: { initial: Settings; children: ReactNode }) {
  const api = useApi();
  const [settings, setSettings] = useState(initial);
  const update = useCallback(
    async (patch: SettingsPatch) => {
      setSettings((current) => ({ ...current, ...patch }));
      const result = await api.call('settings.update', { patch });
      if (!result.ok) return result.error;
      setSettings(result.value);
      return undefined;
    },
    [api],
  );
  const value = useMemo(() => ({ settings, update }), [settings, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state) throw new Error('useSettings() needs a <SettingsProvider> above it');
  return state;
}
