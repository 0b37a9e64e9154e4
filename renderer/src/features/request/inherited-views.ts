import type { InheritedLayerView } from '../../../../shared/model/workspace.ts';
import { explainInheritedSettings, inheritedAuthLayer } from '../../../../shared/vars/inheritance.ts';
import type { InheritedAuth } from './AuthPanel.tsx';
import type { InheritedSettingValues } from './RequestSettingsPanel.tsx';

/**
 * What the request editor says about inheritance, from the layers the engine reports (outermost
 * first), with the same rules the engine sends by (shared/vars/inheritance.ts).
 */

/** The auth an `inherit` auth comes to and where it is set; null when nothing sets one; undefined when not known. */
export function inheritedAuthOf(layers: readonly InheritedLayerView[] | undefined): InheritedAuth | undefined {
  if (!layers) return undefined;
  const index = inheritedAuthLayer(layers);
  if (index === undefined) return null;
  const layer = layers[index]!;
  return { type: layer.auth!.type, from: { kind: layer.kind, name: layer.name } };
}

/** Each setting the collection or a folder sets, with the value that applies and the name of the deepest layer setting it. */
export function inheritedSettingsOf(layers: readonly InheritedLayerView[] | undefined): InheritedSettingValues {
  const values: Record<string, { value: unknown; from: string }> = {};
  for (const [key, source] of Object.entries(explainInheritedSettings(layers ?? []))) {
    if (source) values[key] = { value: source.value, from: layers![source.layer]!.name };
  }
  return values as InheritedSettingValues;
}
