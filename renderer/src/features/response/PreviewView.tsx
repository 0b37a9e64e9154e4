import { useEffect, useMemo } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { BodyKind } from './body-kind.ts';

/**
 * Forbids everything inside the preview: no scripts, no network (images, styles, frames, fetch),
 * no forms. It is inserted into the previewed document and, because a srcdoc frame also inherits
 * the app's own policy, a page cannot reach any server, canary or not.
 */
const PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** Rendered views: HTML in a sandboxed frame with scripts and network off, images, PDFs where the platform can. */
export function PreviewView({ kind, bytes, text, contentType }: { kind: BodyKind; bytes: Uint8Array; text: string; contentType: string }) {
  const { t } = useI18n();
  const objectUrl = useMemo(
    () => (kind === 'image' || kind === 'pdf' ? URL.createObjectURL(new Blob([bytes as BlobPart], { type: contentType.split(';')[0] || 'application/octet-stream' })) : undefined),
    [kind, bytes, contentType],
  );
  useEffect(() => () => {
    if (objectUrl) URL.revokeObjectURL(objectUrl);
  }, [objectUrl]);
  const html = useMemo(() => (kind === 'html' ? `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_POLICY}">${text}` : ''), [kind, text]);

  if (kind === 'html') {
    // sandbox without allow-scripts / allow-same-origin: a unique origin that can run nothing and reach nothing of ours.
    return <iframe className="preview-frame" data-testid="preview-html" title={t('response.preview')} sandbox="" referrerPolicy="no-referrer" srcDoc={html} />;
  }
  if (kind === 'image' && objectUrl) {
    return (
      <div className="preview-image">
        <img data-testid="preview-image" src={objectUrl} alt={t('response.preview')} />
      </div>
    );
  }
  if (kind === 'pdf' && objectUrl) {
    return <iframe className="preview-frame" data-testid="preview-pdf" title={t('response.preview')} src={objectUrl} />;
  }
  return <p className="empty-hint">{t('response.noPreview')}</p>;
}
