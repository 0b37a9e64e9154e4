import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import { Toast } from '../../components/Toast.tsx';
import { errorSentence, useI18n } from '../../i18n/I18nProvider.tsx';

export interface Notice {
  message: string;
  tone?: 'info' | 'error';
  actionLabel?: string;
  onAction?: () => void;
}

interface NoticesApi {
  notify(notice: Notice): void;
  /** Shows the UI's sentence for a failed workspace command. */
  notifyError(error: ShuttleError): void;
}

const NoticesContext = createContext<NoticesApi | null>(null);

/** One toast at a time for workspace outcomes: "Deleted X — Undo", "Could not save: disk full". */
export function WorkspaceNoticesProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<(Notice & { id: number }) | undefined>();
  const notify = useCallback((next: Notice) => setNotice({ ...next, id: Date.now() }), []);
  const notifyError = useCallback(
    (error: ShuttleError) => notify({ tone: 'error', message: errorSentence(t, error) }),
    [notify, t],
  );
  const dismiss = useCallback(() => setNotice(undefined), []);
  const value = useMemo(() => ({ notify, notifyError }), [notify, notifyError]);
  return (
    <NoticesContext.Provider value={value}>
      {children}
      {notice ? (
        <Toast
          key={notice.id}
          message={notice.message}
          tone={notice.tone}
          actionLabel={notice.actionLabel}
          onAction={() => {
            dismiss();
            notice.onAction?.();
          }}
          onDismiss={dismiss}
          closeLabel={t('workspace.dismiss')}
          testId={notice.tone === 'error' ? 'workspace-error' : 'workspace-notice'}
          timeoutMs={notice.tone === 'error' ? 15_000 : 8_000}
        />
      ) : null}
    </NoticesContext.Provider>
  );
}

export function useNotices(): NoticesApi {
  const notices = useContext(NoticesContext);
  if (!notices) throw new Error('useNotices() needs a <WorkspaceNoticesProvider> above it');
  return notices;
}
