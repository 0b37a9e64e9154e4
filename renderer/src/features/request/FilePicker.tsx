import { useLayoutEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import { FileUp } from 'lucide-react';
import type { FileSource } from '../../../../shared/model/request.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * Picks a file for a body part or a certificate. The page only ever gets a file's bytes (not its
 * path), so the file travels inline, base64-encoded; the engine reads `path` sources itself.
 * `bytesElsewhere`: the file is known by name only here (a secret kept on another machine), so no size is shown.
 */
export function FilePicker({
  file,
  onChange,
  testId,
  label,
  bytesElsewhere = false,
}: {
  file: FileSource | undefined;
  onChange: (file: FileSource | undefined) => void;
  testId: string;
  label: string;
  bytesElsewhere?: boolean;
}) {
  const { t } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const latestOnChange = useRef(onChange);
  useLayoutEffect(() => {
    latestOnChange.current = onChange;
  });
  const name = file?.kind === 'inline' ? file.fileName : file?.kind === 'path' ? file.path : undefined;
  const size = file?.kind === 'inline' && !bytesElsewhere ? Math.floor((file.base64.length * 3) / 4) : undefined;

  return (
    <div className="file-picker">
      <input
        ref={inputRef}
        type="file"
        className="visually-hidden"
        data-testid={testId}
        aria-label={label}
        onChange={async (event) => {
          const picked = event.target.files?.[0];
          event.target.value = '';
          if (!picked) return;
          const base64 = await fileToBase64(picked);
          // Another picker of the same object (a certificate's key) may have changed it while this file was
          // read: the handler of the latest render has that change, and flushSync renders this one before any
          // other read ends, so one pick never overwrites another with the state from before it.
          flushSync(() => latestOnChange.current({ kind: 'inline', fileName: picked.name, base64 }));
        }}
      />
      <button type="button" className="btn btn-sm btn-secondary" onClick={() => inputRef.current?.click()}>
        <FileUp size={14} aria-hidden /> {name ? t('file.change') : t('file.choose')}
      </button>
      {name ? (
        <span className="file-name" title={name}>
          {name}
          {size !== undefined ? <span className="hint"> · {formatSize(size)}</span> : null}
        </span>
      ) : (
        <span className="hint">{t('file.none')}</span>
      )}
      {name ? (
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => onChange(undefined)}>
          {t('file.clear')}
        </button>
      ) : null}
    </div>
  );
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // Chunked so large files do not overflow the argument list of String.fromCharCode.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
