import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSettings } from '../../state/SettingsContext.tsx';

/** Beside a request's or connection's TLS fields: the hosts Settings → Certificates has a say for, if any. */
export function HostCertificatesHint({ className }: { className: string }) {
  const { t } = useI18n();
  const { settings } = useSettings();
  const withFiles = settings.hostCertificates.filter((entry) => entry.clientCert || entry.caCert).map((entry) => entry.host);
  const unverified = settings.hostCertificates.filter((entry) => entry.verifyTls === false).map((entry) => entry.host);
  return (
    <>
      {withFiles.length > 0 ? (
        <p className={className} data-testid="setting-host-certificates">
          {t('settings.request.hostCertificates', { hosts: withFiles.join(', ') })}
        </p>
      ) : null}
      {unverified.length > 0 ? (
        <p className={className} data-testid="setting-host-unverified">
          {t('settings.request.hostUnverified', { hosts: unverified.join(', ') })}
        </p>
      ) : null}
    </>
  );
}
