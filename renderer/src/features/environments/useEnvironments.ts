import { useCallback, useEffect, useState } from 'react';
import type { EnvironmentView } from '../../../../shared/model/workspace.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useWorkspace } from '../collections/WorkspaceContext.tsx';

/** The environments of a collection, fetched again whenever the workspace changes. */
export function useEnvironments(collection: string | undefined): { environments: EnvironmentView[]; refresh: () => void } {
  const api = useApi();
  const { version } = useWorkspace();
  const [environments, setEnvironments] = useState<EnvironmentView[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!collection) return;
    let cancelled = false;
    void api.call('environments.list', { collection }).then((result) => {
      if (!cancelled) setEnvironments(result.ok ? result.value : []);
    });
    return () => {
      cancelled = true;
    };
  }, [api, collection, version, tick]);
  const refresh = useCallback(() => setTick((value) => value + 1), []);
  return { environments: collection ? environments : [], refresh };
}
