import type { ReactNode } from 'react';
import type { ConnectionInfo, PeerCertificate } from '../../../../shared/model/response.ts';
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
            <CertificateFacts label={t('timeline.certificate')} certificate={tls.peerCertificate} testId="connection-certificate">
              <br />
              {t('timeline.valid', { from: tls.peerCertificate.validFrom, to: tls.peerCertificate.validTo })}
              {tls.peerCertificate.subjectAltNames.length > 0 ? (
                <>
                  <br />
                  SAN: {tls.peerCertificate.subjectAltNames.join(', ')}
                </>
              ) : null}
            </CertificateFacts>
          ) : null}
          {tls.clientCertificate ? (
            <CertificateFacts label={t('timeline.clientCertificate')} certificate={tls.clientCertificate} testId="timeline-client-certificate">
              <br />
              <span className="hint">{t('timeline.clientCertificateNote')}</span>
            </CertificateFacts>
          ) : null}
        </>
      ) : null}
    </dl>
  );
}

/** A certificate's subject and issuer, and what else the caller says about it. */
function CertificateFacts({ label, certificate, testId, children }: { label: string; certificate: PeerCertificate; testId: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>
        {certificate.subject}
        <br />
        {t('timeline.issuer')}: {certificate.issuer}
        {children}
      </dd>
    </>
  );
}
