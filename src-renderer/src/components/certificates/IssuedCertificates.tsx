// The register of issued certificates: search by holder or serial, filter by list and status,
// reissue (a new serial; the old one marked replaced) or revoke with a reason. Both are audited.
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, CertificateRow } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { localized } from '../../format';
import { useKeptScroll, useKeptValue } from '../../hooks/useKeptList';
import { usePagedChannel } from '../../queries';
import { useAppStore } from '../../stores/useAppStore';
import { useConfirmStore } from '../../stores/useConfirmStore';

const PAGE = 100;

export function IssuedCertificates({ campaign, onChanged }: { campaign: CampaignDetail; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const run = useAppStore((s) => s.run);
  // The certificate kind by its name in the definition, never its key ("award").
  const kindLabel = (kind: string) => {
    const def = campaign.definition.certificates.find((k) => k.key === kind);
    return def ? localized(def.label, i18n.language) : t('certificates.issued.otherKind');
  };
  const askText = useConfirmStore((s) => s.askText);
  // Search, status and scroll position are kept when the user switches tabs and comes back.
  const [query, setQuery] = useKeptValue(campaign.id, 'register', 'query', '');
  const [status, setStatus] = useKeptValue<'' | CertificateRow['status']>(campaign.id, 'register', 'status', '');
  const pages = usePagedChannel('certificates:issued', { campaignId: campaign.id, query: query || undefined, status: status || undefined }, PAGE);
  const rows: CertificateRow[] = pages.rows;
  const keptScroll = useKeptScroll<HTMLElement>(campaign.id, 'register', rows.length > 0, 'main');
  const total = pages.last?.total ?? 0;

  async function reissue(serial: string) {
    const reason = await askText({
      title: t('certificates.issued.reissue'),
      body: t('certificates.issued.reissuePrompt', { serial }),
      text: { label: t('certificates.issued.reason'), required: false },
      confirmLabel: t('certificates.issued.reissue'),
      cancelLabel: t('common.cancelAction'),
    });
    if (reason === null) return;
    if (await run(() => invoke('certificates:reissue', { serial, reason: reason || undefined }))) onChanged();
  }
  async function revoke(serial: string) {
    const reason = await askText({
      title: t('certificates.issued.revoke'),
      body: t('certificates.issued.revokePrompt', { serial }),
      text: { label: t('certificates.issued.reason'), required: true },
      confirmLabel: t('certificates.issued.revoke'),
      cancelLabel: t('common.cancelAction'),
      danger: true,
    });
    if (!reason) return;
    if (await run(() => invoke('certificates:revoke', { serial, reason }))) onChanged();
  }

  return (
    <section className="panel" data-testid="issued-certificates" ref={keptScroll}>
      <div className="section-head">
        <h2>{t('certificates.issued.title', { count: total })}</h2>
        <div className="filter-bar">
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('certificates.issued.search')} aria-label={t('certificates.issued.search')} />
          <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)} aria-label={t('certificates.issued.status')}>
            <option value="">{t('certificates.issued.allStatuses')}</option>
            {(['valid', 'revoked', 'replaced'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`certificates.state.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>{t('certificates.fields.serial')}</th>
            <th>{t('certificates.fields.holder')}</th>
            <th>{t('certificates.fields.kind')}</th>
            <th>{t('certificates.fields.issueDate')}</th>
            <th>{t('certificates.fields.validUntil')}</th>
            <th>{t('certificates.issued.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.serial} data-testid="issued-row" className={c.status !== 'valid' ? 'muted' : ''}>
              <td className="mono">
                {c.serial}
                <div className="small muted" title={t('certificates.fields.check')} data-testid="issued-check">
                  {c.check}
                </div>
              </td>
              <td>
                {c.holderName}
                {c.holderUnit && <div className="small muted">{c.holderUnit}</div>}
              </td>
              <td>{kindLabel(c.kind)}</td>
              <td>{c.issueDate}</td>
              <td>{c.validUntil ?? t('certificates.fields.noExpiry')}</td>
              <td>
                <span className={`badge ${c.status === 'valid' ? 'verdict-pass' : 'verdict-fail'}`}>{t(`certificates.state.${c.status}`)}</span>
                {c.replacedBy && <div className="small muted">→ {c.replacedBy}</div>}
                {c.revokeReason && <div className="small muted">{c.revokeReason}</div>}
              </td>
              <td className="actions">
                {c.status === 'valid' && (
                  <>
                    <button type="button" onClick={() => void reissue(c.serial)}>
                      {t('certificates.issued.reissue')}
                    </button>
                    <button type="button" onClick={() => void revoke(c.serial)} data-testid="revoke">
                      {t('certificates.issued.revoke')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length < total && (
        <button type="button" onClick={pages.more}>
          {t('common.showMore', { count: total - rows.length })}
        </button>
      )}
    </section>
  );
}
