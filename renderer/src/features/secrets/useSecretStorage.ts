import { useEffect, useState } from 'react';
import type { SecretStorageStatus } from '../../../../shared/model/secrets.ts';
import { useApi } from '../../api/ApiContext.tsx';

/** How this host keeps secret values (undefined until the engine answers, or if it cannot say). */
export function useSecretStorage(): SecretStorageStatus | undefined {
  const api = useApi();
  const [status, setStatus] = useState<SecretStorageStatus>();
  useEffect(() => {
    let current = true;
    void api.call('secrets.status', {}).then((result) => {
      if (current && result.ok) setStatus(result.value);
    });
    return () => {
      current = false;
    };
  }, [api]);
  return status;
}
