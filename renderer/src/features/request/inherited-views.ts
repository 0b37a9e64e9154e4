import { hostCertificatePlace, withHostCertificate, type TlsChoices } from '../../../../shared/http/host-certificates.ts';
import type { HostCertificate } from '../../../../shared/model/settings.ts';
import type { InheritedLayerView } from '../../../../shared/model/workspace.ts';
import { explainInheritedSettings, inheritedAuthLayer } from '../../../../shared/vars/inheritance.ts';
import { parseTemplate } from '../../../../shared/vars/template.ts';
import type { VariableLookup } from '../variables/VariablesContext.tsx';
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

/**
 * What Settings → Certificates gives a request to `url` beneath what its collection and folders set,
 * by the rule the engine sends by (shared/http/host-certificates.ts): a client certificate, a CA, or
 * verification off, each where nothing closer sets one. The URL's variables are filled in as the
 * editor shows them; a URL that is not yet a valid https one gets nothing.
 */
export function withHostSettings(
  inherited: InheritedSettingValues,
  url: string,
  lookup: (name: string) => VariableLookup,
  entries: readonly HostCertificate[],
): InheritedSettingValues {
  if (entries.length === 0) return inherited;
  const filled = parseTemplate(url.trim())
    .map((part) => {
      if (part.kind === 'text') return part.text;
      const found = lookup(part.name);
      return found.kind === 'defined' ? found.variable.value : part.text;
    })
    .join('');
  if (!URL.canParse(filled)) return inherited;
  // The engine's own rule decides what the host fills in; what it changed is shown as inherited from there.
  const own: TlsChoices = {
    ...(inherited.clientCert ? { clientCert: inherited.clientCert.value } : {}),
    ...(inherited.caCert ? { caCert: inherited.caCert.value } : {}),
    ...(inherited.verifyTls ? { verifyTls: inherited.verifyTls.value } : {}),
  };
  const { settings, from } = withHostCertificate(own, new URL(filled), entries);
  if (!from) return inherited;
  const place = hostCertificatePlace(from.host);
  return {
    ...inherited,
    ...(settings.clientCert && settings.clientCert !== own.clientCert ? { clientCert: { value: settings.clientCert, from: place } } : {}),
    ...(settings.caCert && settings.caCert !== own.caCert ? { caCert: { value: settings.caCert, from: place } } : {}),
    ...(settings.verifyTls !== undefined && settings.verifyTls !== own.verifyTls ? { verifyTls: { value: settings.verifyTls, from: place } } : {}),
  };
}
