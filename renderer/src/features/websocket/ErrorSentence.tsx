import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import { errorHint, useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { en } from '../../i18n/en.ts';

/**
 * The sentence for an error code, in WebSocket terms where the general one speaks of HTTP
 * (the catalog's `ws.error.<CODE>` wins over `error.<CODE>`).
 */
export function wsErrorKey(code: ShuttleError['code']): MessageKey {
  const specific = `ws.error.${code}`;
  return Object.hasOwn(en, specific) ? (specific as MessageKey) : `error.${code}`;
}

export function ErrorSentence({ error, className, testId }: { error: ShuttleError; className?: string; testId?: string }) {
  const { t } = useI18n();
  const hint = errorHint(t, error);
  return (
    <p className={className} role="alert" data-testid={testId} data-error-code={error.code}>
      {t(wsErrorKey(error.code), { ...error.detail, message: error.message })}
      {hint ? (
        <span className="hint error-hint" data-testid="error-hint">
          {hint}
        </span>
      ) : null}
    </p>
  );
}
