import { useEffect, useState } from 'react';
import type { InheritedLayerView } from '../../../../shared/model/workspace.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useWorkspace } from '../collections/WorkspaceContext.tsx';

/**
 * The collection and folders a saved request inherits headers, auth and settings from (outermost
 * first), fetched again whenever files change. Undefined for a request that is not saved in a
 * collection: it inherits nothing.
 */
export function useInheritedLayers(path: string | undefined): InheritedLayerView[] | undefined {
  const api = useApi();
  const { version } = useWorkspace();
  const [loaded, setLoaded] = useState<{ path: string; layers: InheritedLayerView[] }>();

  useEffect(() => {
    if (!path) return;
    let cancelled = false;
    void api.call('workspace.readInherited', { path }).then((result) => {
      if (!cancelled) setLoaded({ path, layers: result.ok ? result.value : [] });
    });
    return () => {
      cancelled = true;
    };
  }, [api, path, version]);

  // Until the new path's answer lands, nothing (rather than the previous request's layers).
  return path && loaded?.path === path ? loaded.layers : undefined;
}
