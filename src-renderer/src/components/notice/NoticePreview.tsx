// The notice's list as it will be published: per category, rank (or 序号 when 排名不分先后), award,
// registration number, title, entrant and unit — never a score — and the contact for objections.
import { useTranslation } from 'react-i18next';
import type { NoticeDocument } from '../../../../src-main/contract';
import { localized } from '../../format';

export function NoticePreview({ document: doc }: { document: NoticeDocument }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const listed = doc.groups.some((g) => g.entries.length > 0);
  const c = doc.contact;
  return (
    <section className="panel" data-testid="notice-preview">
      <h3>
        {t('notice.preview.title')} · {localized(doc.listName, lang)}
      </h3>
      <p className="small muted">{doc.ranked ? t('notice.create.ranked') : t('notice.create.unranked')}</p>
      {!listed && <p className="muted">{t('notice.preview.empty')}</p>}
      {doc.groups
        .filter((g) => g.entries.length > 0)
        .map((g) => (
          <div key={`${g.kind}/${g.category ?? ''}`}>
            <h4>{localized(g.label, lang)}</h4>
            <table className="data-table compact">
              <thead>
                <tr>
                  <th>{t(doc.ranked ? 'notice.doc.columns.rank' : 'notice.doc.columns.number')}</th>
                  <th>{t('notice.doc.columns.tier')}</th>
                  <th>{t('notice.doc.columns.regNo')}</th>
                  <th>{t('notice.doc.columns.title')}</th>
                  <th>{t('notice.doc.columns.entrant')}</th>
                  <th>{t('notice.doc.columns.unit')}</th>
                </tr>
              </thead>
              <tbody>
                {g.entries.map((e, i) => (
                  <tr key={e.entryId} data-testid="notice-row">
                    <td>{e.rank ?? i + 1}</td>
                    <td>{e.tierLabel ? localized(e.tierLabel, lang) : ''}</td>
                    <td className="mono">{e.regNo}</td>
                    <td>{e.title}</td>
                    <td>{e.entrantName}</td>
                    <td>{e.entrantUnit ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      <p className="small">{c && (c.person || c.phone || c.email) ? t('notice.preview.contact', { person: c.person || '—', phone: c.phone || '—', email: c.email || '—' }) : t('notice.preview.noContact')}</p>
    </section>
  );
}
