// Who entrants call, and the programme's own notice (征集通知) in both languages. Both are
// optional: a contact with nothing filled in, or a notice empty in both languages, is stored as
// none, so clearing them really removes them.
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../src-main/contract';
import type { SectionProps } from './draft-ops';

const NOTICE_MAX = 20_000;

export function ContactNoticeSection({ draft, update }: SectionProps) {
  const { t } = useTranslation();
  const contact: Contact = draft.contact ?? { person: '', phone: '', email: '' };
  const notice = draft.notice ?? { 'zh-CN': '', en: '' };
  const setContact = (patch: Partial<Contact>) =>
    update((d) => {
      const next = { ...contact, ...patch };
      return { ...d, contact: next.person || next.phone || next.email ? next : null };
    });
  const setNotice = (lang: 'zh-CN' | 'en', text: string) =>
    update((d) => {
      const next = { ...notice, [lang]: text };
      return { ...d, notice: next['zh-CN'] || next.en ? next : null };
    });
  return (
    <>
      <section className="panel" aria-labelledby="setup-contact-title">
        <h2 id="setup-contact-title">{t('setup.contact')}</h2>
        <p className="muted small">{t('setup.contactHint')}</p>
        <div className="contact-row">
          <label>
            <span>{t('setup.contactPerson')}</span>
            <input value={contact.person} maxLength={100} onChange={(e) => setContact({ person: e.target.value })} data-testid="setup-contact-person" />
          </label>
          <label>
            <span>{t('setup.contactPhone')}</span>
            <input type="tel" value={contact.phone} maxLength={50} onChange={(e) => setContact({ phone: e.target.value })} data-testid="setup-contact-phone" />
          </label>
          <label>
            <span>{t('setup.contactEmail')}</span>
            <input type="email" value={contact.email} maxLength={200} onChange={(e) => setContact({ email: e.target.value })} data-testid="setup-contact-email" />
          </label>
        </div>
      </section>

      <section className="panel" aria-labelledby="setup-notice-title">
        <h2 id="setup-notice-title">{t('setup.notice')}</h2>
        <p className="muted small">{t('setup.noticeHint')}</p>
        <div className="notice-pair">
          {(['zh-CN', 'en'] as const).map((lang) => (
            <label key={lang}>
              <span>
                {t(lang === 'zh-CN' ? 'setup.zh' : 'setup.en')}
                <span className="muted small"> · {t('setup.characters', { count: notice[lang].length, max: NOTICE_MAX })}</span>
              </span>
              <textarea lang={lang} rows={14} maxLength={NOTICE_MAX} value={notice[lang]} onChange={(e) => setNotice(lang, e.target.value)} data-testid={`setup-notice-${lang === 'zh-CN' ? 'zh' : 'en'}`} />
            </label>
          ))}
        </div>
      </section>
    </>
  );
}
