// What the preview shows of a row that came from a mail: where it came from, its subject, whether
// it is a reply or a forward (and which imported registration it answers), whether it was imported
// before (it will update that entry), its attachments and the cloud-drive links to fetch by hand.
import { useTranslation } from 'react-i18next';
import type { MailRowInfo } from '../../../src-main/contract';
import { formatBytes } from '../format';

export function MailRowCell({ mail }: { mail: MailRowInfo }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="mail-row small">
      <div className="mono muted">{mail.source}</div>
      <div>{mail.subject || t('intake.mail.noSubject')}</div>
      <div className="mail-badges">
        {mail.reply && (
          <span className="badge warn" data-testid="mail-reply">
            {mail.answersRegNo ? t('intake.mail.replyTo', { regNo: mail.answersRegNo }) : t('intake.mail.reply')}
          </span>
        )}
        {mail.forward && <span className="badge">{t('intake.mail.forward')}</span>}
        {mail.seenBefore && <span className="badge">{t('intake.mail.seenBefore')}</span>}
      </div>
      {mail.attachments.length > 0 && (
        <ul className="plain" data-testid="mail-attachments">
          {mail.attachments.map((a, i) => (
            <li key={i}>
              {a.fileName} <span className="muted">({formatBytes(a.sizeBytes, i18n.language)})</span>
            </li>
          ))}
        </ul>
      )}
      {mail.mediaToFetch.length > 0 && (
        <ul className="plain" data-testid="mail-media-to-fetch">
          {mail.mediaToFetch.map((m) => (
            <li key={m.url}>
              {t('intake.mail.toFetch', { provider: m.provider })} {m.code && <span className="mono">{t('intake.mail.extractionCode', { code: m.code })}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
