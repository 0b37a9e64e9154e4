import type { ConnectionInfo } from '../../../../shared/model/response.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * What is known about the connection an exchange or a WebSocket handshake went over: the remote
 * address, new or reused, the protocol, and for TLS the protocol, cipher, the server's certificate
 * and the client certificate offered.
 */
export function ConnectionFacts({ connection, className }: { connection: ConnectionInfo; className: string }) {
  const { t } = useI18n();
  const { tls } = connection;
  return (
    <dl className={className} data-testid="connection-facts">
      {connection.remoteAddress ? (
        <>
          <dt>{t('timeline.remote')}</dt>
          <dd>
            {connection.remoteAddress}:{connection.remotePort}
          </dd>
        </>
      ) : null}
      <dt>{t('timeline.connection')}</dt>
      <dd>
        {connection.reused ? t('timeline.reused') : t('timeline.new')} · {connection.protocol}
      </dd>
      {tls ? (
        <>
          <dt>TLS</dt>
          <dd>
            {tls.protocol} · {tls.cipher}
          </dd>
          {tls.peerCertificate ? (
            <>
              <dt>{t('timeline.certificate')}</dt>
              <dd data-testid="connection-certificate">
                {tls.peerCertificate.subject}
                <br />
                {t('timeline.issuer')}: {tls.peerCertificate.issuer}
                <br />
                {t('timeline.valid', { from: tls.peerCertificate.validFrom, to: tls.peerCertificate.validTo })}
                {tls.peerCertificate.subjectAltNames.length > 0 ? (
                  <>
                    <br />
                    SAN: {tls.peerCertificate.subjectAltNames.join(', ')}
                  </>
                ) : null}
              </dd>
            </>
          ) : null}
          {tls.clientCertificate ? (
            <>
              <dt>{t('timeline.clientCertificate')}</dt>
              <dd data-testid="timeline-client-certificate">
                {tls.clientCertificate.subject}
                <br />
                {t('timeline.issuer')}: {tls.clientCertificate.issuer}
                <br />
                <span className="hint">{t('timeline.clientCertificateNote')}</span>
              </dd>
            </>
          ) : null}
        </>
      ) : null}
    </dl>
  );
}
