import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSettings } from '../../state/SettingsContext.tsx';

/** Beside a request's or connection's certificate fields: the hosts Settings → Certificates covers, if any. */
export function HostCertificatesHint({ className }: { className: string }) {
  const { t } = useI18n();
  const { settings } = useSettings();
  if (settings.hostCertificates.length === 0) return null;
  return (
    <p className={className} data-testid="setting-host-certificates">
      {t('settings.request.hostCertificates', { hosts: settings.hostCertificates.map((entry) => entry.host).join(', ') })}
    </p>
  );
}
