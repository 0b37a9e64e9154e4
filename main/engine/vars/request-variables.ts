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
  /**
   * The same for one send: its request resolved and its secret values, with the workspace's layers
   * looked up once for both (a send asks for both, from the same files).
   */
  forSend(context?: SendContext): SendVariables;
}

export interface SendVariables {
  resolveHttp(spec: HttpRequestSpec): Promise<HttpRequestSpec>;
  resolveWs(spec: WsRequestSpec): Promise<WsRequestSpec>;
  secretValues(): Promise<string[]>;
}

interface Layers {
  variables: VariableLayer[];
  inherited: InheritedLayer[];
}

/**
 * Variable scopes for a send, lowest precedence first: global (workspace.yaml), collection, the
 * collection's selected environment (or the context's), each folder from the outermost in, the
 * request's own (an HTTP spec's `variables`; else the saved file's), and runtime values from the caller.
 */
export function createRequestVariables(workspaces: WorkspaceService, dynamic: DynamicSource = nodeDynamicSource): RequestVariables {
  /** Global up to the innermost folder: what every send from the same place shares. */
  const sharedLayersFor = async (context: SendContext | undefined): Promise<Layers> => {
    const workspace = await workspaces.current();
    const anchor = context?.requestPath ?? context?.collectionPath ?? '';
    const scopes = await workspace.scopesFor(anchor);
    const variables: VariableLayer[] = [{ scope: 'global', variables: scopes.global.variables }];
    const inherited: InheritedLayer[] = [];
    const collection = anchor.split('/')[0];
    if (scopes.collection && collection) {
      variables.push({ scope: 'collection', variables: scopes.collection.variables, source: collection });
      inherited.push(scopes.collection);
      const environment = context?.environment ?? (await workspaces.selectedEnvironment(collection));
      const values = environment ? await workspace.environmentValues(collection, environment) : undefined;
      if (values && environment) variables.push({ scope: 'environment', variables: values, source: environment });
    }
    for (const folder of scopes.folders) {
      // "folder:Shop/Orders" → "Orders"
      variables.push({ scope: 'folder', variables: folder.variables, source: folder.scope.slice(folder.scope.lastIndexOf('/') + 1) });
      inherited.push(folder);
    }
    return { variables, inherited };
  };

  /** The shared layers plus the request's own variables and the caller's runtime ones. */
  const withOwnLayers = async (shared: Layers, context: SendContext | undefined, requestVariables?: readonly RequestVariable[]): Promise<Layers> => {
    const variables = [...shared.variables];
    if (requestVariables) variables.push({ scope: 'request', variables: requestVariables });
    else if (context?.requestPath) {
      const workspace = await workspaces.current();
      variables.push({ scope: 'request', variables: await workspace.requestVariables(context.requestPath) });
    }
    if (context?.runtime) variables.push({ scope: 'runtime', variables: context.runtime });
    return { variables, inherited: shared.inherited };
  };

  const layersFor = async (context: SendContext | undefined, requestVariables?: readonly RequestVariable[]): Promise<Layers> =>
    withOwnLayers(await sharedLayersFor(context), context, requestVariables);

  const forSend = (context: SendContext | undefined): SendVariables => {
    let shared: Promise<Layers> | undefined;
    const layers = (requestVariables?: readonly RequestVariable[]) => (shared ??= sharedLayersFor(context)).then((found) => withOwnLayers(found, context, requestVariables));
    return {
      async resolveHttp(spec) {
        // A scratch request without a single {{ needs nothing from the workspace: the common, fast case.
        if (!context && !JSON.stringify(spec).includes('{{')) return spec.auth?.type === 'inherit' ? { ...spec, auth: { type: 'none' } } : spec;
        // The request scope is what the request carries: a draft's edits apply before they are saved.
        const { variables, inherited } = await layers(spec.variables ?? []);
        const withInherited = applyInheritance(spec, inherited);
        return resolveHttpRequest(withInherited, { variables: mergeVariableLayers(variables), dynamic }).spec;
      },
      async resolveWs(spec) {
        if (!context && !JSON.stringify(spec).includes('{{')) return spec.auth?.type === 'inherit' ? { ...spec, auth: { type: 'none' } } : spec;
        const { variables, inherited } = await layers();
        const withInherited = applyWsInheritance(spec, inherited);
        return resolveWsRequest(withInherited, { variables: mergeVariableLayers(variables), dynamic }).spec;
      },
      async secretValues() {
        const { variables } = await layers();
        return variables.flatMap((layer) => layer.variables.filter((variable) => variable.secret && variable.value !== '').map((variable) => variable.value));
      },
    };
  };

  return {
    resolveHttp: (spec, context) => forSend(context).resolveHttp(spec),
    resolveWs: (spec, context) => forSend(context).resolveWs(spec),
    secretValues: (context) => forSend(context).secretValues(),
    forSend,
    async list(context, requestVariables) {
      const { variables } = await layersFor(context, requestVariables);
      return [...mergeVariableLayers(variables)].map(([name, scoped]) => ({
        name,
        value: scoped.secret ? '' : scoped.value,
        scope: scoped.scope,
        secret: scoped.secret,
        ...(scoped.source ? { source: scoped.source } : {}),
      }));
    },
  };
}
