import { useRef } from 'react';
import { FileUp } from 'lucide-react';
import { Button } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { bytesToBase64 } from './composed-message.ts';

/** The largest file sent as one binary message (the contract carries at most 16 MiB of bytes). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Reads a file the person picks into the composer as base64 (the page gets its bytes, never its path). */
export function LoadFileButton({ onLoad, onTooLarge }: { onLoad: (base64: string) => void; onTooLarge: (name: string) => void }) {
  const { t } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={inputRef}
        type="file"
        className="visually-hidden"
        data-testid="ws-load-file"
        aria-label={t('ws.composer.loadFile')}
        tabIndex={-1}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          if (file.size > MAX_FILE_BYTES) return onTooLarge(file.name);
          onLoad(bytesToBase64(new Uint8Array(await file.arrayBuffer())));
        }}
      />
      <Button size="sm" variant="ghost" onClick={() => inputRef.current?.click()}>
        <FileUp size={13} aria-hidden /> {t('ws.composer.loadFile')}
      </Button>
    </>
  );
}
