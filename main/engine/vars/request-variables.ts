import { randomUUID } from 'node:crypto';
import type { HttpRequestSpec, RequestVariable } from '../../../shared/model/request.ts';
import type { WsRequestSpec } from '../../../shared/model/websocket.ts';
import type { ScopedVariableView, SendContext } from '../../../shared/model/workspace.ts';
import type { DynamicSource } from '../../../shared/vars/dynamic-variables.ts';
import { applyInheritance, applyWsInheritance, type InheritedLayer } from '../../../shared/vars/inheritance.ts';
import { resolveHttpRequest, resolveWsRequest } from '../../../shared/vars/resolve-request.ts';
import { mergeVariableLayers, type VariableLayer } from '../../../shared/vars/variable-scopes.ts';
import type { WorkspaceService } from '../../store/workspace/workspace-service.ts';

const nodeDynamicSource: DynamicSource = { now: () => Date.now(), random: () => Math.random(), uuid: () => randomUUID() };

export interface RequestVariables {
  /** The request as it goes on the wire: collection → folder → request inheritance applied, `{{variables}}` resolved. */
  resolveHttp(spec: HttpRequestSpec, context?: SendContext): Promise<HttpRequestSpec>;
  /** The same for a WebSocket connection (headers, auth and certificates inherited). */
  resolveWs(spec: WsRequestSpec, context?: SendContext): Promise<WsRequestSpec>;
  /**
   * Every variable visible from a context with the scope it comes from; secret values are left out.
   * `requestVariables` are the request scope as being edited, in place of the saved file's.
   */
  list(context?: SendContext, requestVariables?: readonly RequestVariable[]): Promise<ScopedVariableView[]>;
  /** The values of the secret variables visible from a context, so history and logs can blank them out. */
  secretValues(context?: SendContext): Promise<string[]>;
}

/**
 * Variable scopes for a send, lowest precedence first: global (workspace.yaml), collection, the
 * collection's selected environment (or the context's), each folder from the outermost in, the
 * request's own (an HTTP spec's `variables`; else the saved file's), and runtime values from the caller.
 */
export function createRequestVariables(workspaces: WorkspaceService, dynamic: DynamicSource = nodeDynamicSource): RequestVariables {
  const layersFor = async (
    context: SendContext | undefined,
    requestVariables?: readonly RequestVariable[],
  ): Promise<{ variables: VariableLayer[]; inherited: InheritedLayer[] }> => {
    const workspace = await workspaces.current();
    const anchor = context?.requestPath ?? context?.collectionPath ?? '';
    const scopes = await workspace.scopesFor(anchor);
    const variables: VariableLayer[] = [{ scope: 'global', variables: scopes.global.variables }];
    const inherited: InheritedLayer[] = [];
    const collection = anchor.split('/')[0];
    if (scopes.collection && collection) {
      variables.push({ scope: 'collection', variables: scopes.collection.variables });
      inherited.push(scopes.collection);
      const environment = context?.environment ?? (await workspaces.selectedEnvironment(collection));
      const values = environment ? await workspace.environmentValues(collection, environment) : undefined;
      if (values) variables.push({ scope: 'environment', variables: values });
    }
    for (const folder of scopes.folders) {
      variables.push({ scope: 'folder', variables: folder.variables });
      inherited.push(folder);
    }
    if (requestVariables) variables.push({ scope: 'request', variables: requestVariables });
    else if (context?.requestPath) variables.push({ scope: 'request', variables: await workspace.requestVariables(context.requestPath) });
    if (context?.runtime) variables.push({ scope: 'runtime', variables: context.runtime });
    return { variables, inherited };
  };

  return {
    async resolveHttp(spec, context) {
      // A scratch request without a single {{ needs nothing from the workspace: the common, fast case.
      if (!context && !JSON.stringify(spec).includes('{{')) return spec.auth?.type === 'inherit' ? { ...spec, auth: { type: 'none' } } : spec;
      // The request scope is what the request carries: a draft's edits apply before they are saved.
      const { variables, inherited } = await layersFor(context, spec.variables ?? []);
      const withInherited = applyInheritance(spec, inherited);
      return resolveHttpRequest(withInherited, { variables: mergeVariableLayers(variables), dynamic }).spec;
    },
    async resolveWs(spec, context) {
      if (!context && !JSON.stringify(spec).includes('{{')) return spec.auth?.type === 'inherit' ? { ...spec, auth: { type: 'none' } } : spec;
      const { variables, inherited } = await layersFor(context);
      const withInherited = applyWsInheritance(spec, inherited);
      return resolveWsRequest(withInherited, { variables: mergeVariableLayers(variables), dynamic }).spec;
    },
    async secretValues(context) {
      const { variables } = await layersFor(context);
      return variables.flatMap((layer) => layer.variables.filter((variable) => variable.secret && variable.value !== '').map((variable) => variable.value));
    },
    async list(context, requestVariables) {
      const { variables } = await layersFor(context, requestVariables);
      return [...mergeVariableLayers(variables)].map(([name, scoped]) => ({
        name,
        value: scoped.secret ? '' : scoped.value,
        scope: scoped.scope,
        secret: scoped.secret,
      }));
    },
  };
}
