// The record (审计记录): what was done in this campaign, by whom and when, newest first, as the
// database recorded it; a check of the installation's hash chain (is anything changed since it
// was written?) and the CSV export an auditor takes away. Read-only: nothing here changes data.
import { useState } from 'react';
import { withHeldOpenNote } from '../../held-open';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../EmptyState';
import type { AuditCheckView, AuditRow, CampaignDetail } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { useDeliveredExport } from '../../hooks/useDeliveredExport';
import { ExportActions } from '../ExportActions';
import { formatInstant } from '../../format';
import { usePagedChannel } from '../../queries';
import { useAppStore } from '../../stores/useAppStore';
import { actionText, detailsText } from './audit-text';

const PAGE = 200;

export function AuditView({ campaign }: { campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation();
  const [exported, deliver] = useDeliveredExport();
  const run = useAppStore((s) => s.run);
  const tz = campaign.definition.timeZone;
  const [action, setAction] = useState('');
  const [text, setText] = useState('');
  const [check, setCheck] = useState<AuditCheckView | null>(null);
  const [notice, setNotice] = useState('');
  const pages = usePagedChannel('audit:list', { campaignId: campaign.id, actions: action ? [action] : [], text }, PAGE);
  const rows: AuditRow[] = pages.rows;
  const total = pages.last?.total ?? 0;
  const actions = pages.last?.actions ?? [];

  async function verify() {
    const result = await run(() => invoke('audit:verify', {}));
    if (result) setCheck(result);
  }
  async function exportCsv() {
    const file = await run(() => invoke('audit:export', { campaignId: campaign.id }));
    if (!file) return;
    deliver(file);
    setNotice(withHeldOpenNote(t, file, t('audit.exported', { file: file.savedTo })));
  }

  return (
    <section className="panel" data-testid="audit-view">
      <div className="section-head">
        <h2>{t('audit.title')}</h2>
        <div className="actions">
          <button type="button" onClick={() => void verify()} data-testid="audit-verify">
            {t('audit.verify')}
          </button>
          <button type="button" onClick={() => void exportCsv()} data-testid="audit-export">
            {t('audit.export')}
          </button>
        </div>
      </div>
      <p className="muted small">{t('audit.hint')}</p>
      {/* A new campaign has only its creation and setup recorded: say what fills the record. */}
      {Object.values(campaign.counts.byKind).reduce((n, c) => n + c, 0) === 0 && (
        <EmptyState testId="empty-record" text={t('empty.record.text')} actionLabel={t('empty.record.action')} tab="import" />
      )}
      {check && (
        <p className={`badge ${check.intact ? 'verdict-pass' : 'verdict-fail'}`} data-testid="audit-check">
          {check.problem
            ? t('errors.AUDIT_CHAIN_BROKEN', { id: check.problem.id, at: formatInstant(check.problem.at, tz), action: actionText(t, check.problem.action), kind: t(`audit.problem.${check.problem.kind}`) })
            : check.missingGuards.length > 0
              ? t('audit.guardMissing')
              : t('audit.intact', { rows: check.rows, heads: check.signedHeads })}
        </p>
      )}
      {notice && <p className="muted small">{notice}</p>}
      <ExportActions file={exported} testId="audit-export-actions" />
      <div className="filters">
        <label className="inline-label">
          {t('audit.action')}{' '}
          <select value={action} onChange={(e) => setAction(e.target.value)} data-testid="audit-action">
            <option value="">{t('audit.allActions')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionText(t, a)}
              </option>
            ))}
          </select>
        </label>{' '}
        <input type="search" value={text} placeholder={t('audit.search')} aria-label={t('audit.search')} onChange={(e) => setText(e.target.value)} data-testid="audit-search" />
        <span className="muted small"> {t('audit.count', { count: total })}</span>
      </div>
      <table className="data-table compact" data-testid="audit-rows">
        <thead>
          <tr>
            <th className="num">{t('audit.number')}</th>
            <th>{t('audit.when')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.who')}</th>
            <th>{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="audit-row">
              <td className="num">{r.id}</td>
              <td>{formatInstant(r.at, tz)}</td>
              <td>{actionText(t, r.action)}</td>
              <td>{r.actorKind === 'local' ? t('audit.thisComputer') : r.actorKind === 'judge' ? t('audit.judge', { name: r.actorName }) : t('audit.coordinatorKey', { key: r.actorFingerprint ?? '—' })}</td>
              <td className="small">{detailsText(t, r, campaign.id, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length < total && (
        <button type="button" onClick={pages.more}>
          {t('audit.more', { count: total - rows.length })}
        </button>
      )}
    </section>
  );
}
