import { useCallback, useMemo } from 'react';
import type { WorkspaceNode } from '../../../../shared/model/workspace.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useTabs } from '../tabs/TabsContext.tsx';
import { emptyRequest } from '../../../../shared/model/request.ts';
import { useNotices } from './WorkspaceNotices.tsx';
import { useWorkspace } from './WorkspaceContext.tsx';

/** What the tree can do to the workspace; each reports failures as a notice and reloads the tree after success. */
export function useTreeActions() {
  const api = useApi();
  const { t } = useI18n();
  const { dispatch } = useTabs();
  const { reload } = useWorkspace();
  const { notify, notifyError } = useNotices();

  const openRequest = useCallback(
    async (path: string) => {
      const read = await api.call('workspace.readRequest', { path });
      if (read.ok) dispatch({ type: 'openSaved', path, revision: read.value.revision, request: read.value.request });
      else notifyError(read.error);
    },
    [api, dispatch, notifyError],
  );

  const createCollection = useCallback(
    async (name: string) => {
      const result = await api.call('workspace.createCollection', { name });
      if (!result.ok) return result.error;
      await reload();
      return undefined;
    },
    [api, reload],
  );

  const createFolder = useCallback(
    async (parent: string, name: string) => {
      const result = await api.call('workspace.createFolder', { parent, name });
      if (!result.ok) return result.error;
      await reload();
      return undefined;
    },
    [api, reload],
  );

  /** A new request in a collection or folder, saved at once (inheriting its auth) and opened. */
  const createRequest = useCallback(
    async (parent: string, name: string) => {
      const spec = { ...emptyRequest(), auth: { type: 'inherit' as const } };
      const result = await api.call('workspace.saveRequest', { parent, name, request: { kind: 'http', spec } });
      if (!result.ok) return result.error;
      dispatch({ type: 'openSaved', path: result.value.path, revision: result.value.revision, request: result.value.request });
      await reload();
      return undefined;
    },
    [api, dispatch, reload],
  );

  const rename = useCallback(
    async (node: WorkspaceNode, name: string) => {
      const result = await api.call('workspace.rename', { path: node.path, name });
      if (!result.ok) return result.error;
      dispatch({ type: 'pathMoved', from: node.path, to: result.value.path });
      await reload();
      return undefined;
    },
    [api, dispatch, reload],
  );

  const duplicate = useCallback(
    async (node: WorkspaceNode) => {
      const result = await api.call('workspace.duplicate', { path: node.path });
      if (!result.ok) notifyError(result.error);
      await reload();
    },
    [api, notifyError, reload],
  );

  const move = useCallback(
    async (path: string, into: string) => {
      const result = await api.call('workspace.move', { path, into });
      if (!result.ok) {
        notifyError(result.error);
        return;
      }
      dispatch({ type: 'pathMoved', from: path, to: result.value.path });
      await reload();
    },
    [api, dispatch, notifyError, reload],
  );

  const remove = useCallback(
    async (node: WorkspaceNode) => {
      const result = await api.call('workspace.delete', { path: node.path });
      if (!result.ok) {
        notifyError(result.error);
        return;
      }
      await reload();
      notify({
        message: t('workspace.deleted', { name: node.name }),
        actionLabel: t('workspace.undo'),
        onAction: () => {
          void api.call('workspace.undoDelete', { undoId: result.value.undoId }).then(async (undone) => {
            if (!undone.ok) notifyError(undone.error);
            await reload();
          });
        },
      });
    },
    [api, notify, notifyError, reload, t],
  );

  /** Shows the item in the system's file manager (only offered where the platform can). */
  const reveal = useCallback(
    async (node: WorkspaceNode) => {
      const result = await api.call('workspace.reveal', { path: node.path });
      if (!result.ok) notifyError(result.error);
    },
    [api, notifyError],
  );

  return useMemo(
    () => ({ openRequest, createCollection, createFolder, createRequest, rename, duplicate, move, remove, reveal }),
    [openRequest, createCollection, createFolder, createRequest, rename, duplicate, move, remove, reveal],
  );
}
