// The committee roster (issue 17): every selected member of every published committee result,
// across campaigns, with their status (selected → confirmed → certified → expiring → expired, or
// revoked), the certificate's term and the one it renews, and their activities as members.
// Renewing issues the next term's certificate; activities are recorded here; the roster exports
// as XLSX (the same file `kepu roster export` writes).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterMember } from '../../../../src-main/contract';
import { memberActivities, type MemberActivity, type RosterStatus, rosterStatuses } from '../../../../src-main/contract/roster-terms';
import { invoke } from '../../api';
import { useDeliveredExport } from '../../hooks/useDeliveredExport';
import { ExportActions } from '../ExportActions';
import { localized } from '../../format';
import { queryClient, useChannel } from '../../queries';
import { useAppStore } from '../../stores/useAppStore';
import { useConfirmStore } from '../../stores/useConfirmStore';
import './roster.css';

const BADGE: Record<RosterStatus, string> = {
  selected: 'verdict-unchecked',
  confirmed: 'verdict-unreadable',
  certified: 'verdict-pass',
  expiring: 'verdict-unreadable',
  expired: 'verdict-fail',
  revoked: 'verdict-fail',
};

export function RosterView() {
  const { t, i18n } = useTranslation();
  const [exported, deliver] = useDeliveredExport();
  const run = useAppStore((s) => s.run);
  const ask = useConfirmStore((s) => s.ask);
  const [expiringDays, setExpiringDays] = useState(90);
  const [status, setStatus] = useState<RosterStatus | ''>('');
  const [adding, setAdding] = useState<RosterMember | null>(null);
  // The serial of the certificate just issued by a renewal (shown translated, in the language of the moment).
  const [renewed, setRenewed] = useState('');
  const roster = useChannel('roster:list', { expiringDays, status: status || undefined }).data;
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['roster:list'] });

  async function exportXlsx() {
    const file = await run(() => invoke('roster:export', { expiringDays, status: status || undefined, language: i18n.language === 'en' ? 'en' : 'zh-CN' }));
    if (file) deliver(file);
  }
  async function renew(m: RosterMember) {
    if (!m.certificate) return;
    const yes = await ask({
      title: t('roster.renewTitle', { name: m.name }),
      body: t('roster.renewBody', { serial: m.certificate.serial }),
      confirmLabel: t('roster.renew'),
      cancelLabel: t('common.cancelAction'),
    });
    if (!yes) return;
    const fresh = await run(() => invoke('certificates:renew', { serial: m.certificate?.serial ?? '' }));
    if (fresh) {
      setRenewed(fresh.serial);
      reload();
    }
  }

  return (
    <section className="panel roster-view" data-testid="roster-view">
      <div className="panel-head">
        <h2>{t('roster.title')}</h2>
        <div className="actions">
          <label>
            {t('roster.filter')}{' '}
            <select value={status} onChange={(e) => setStatus(e.target.value as RosterStatus | '')} data-testid="roster-status-filter">
              <option value="">{t('roster.all')}</option>
              {rosterStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`roster.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('roster.expiringDays')}{' '}
            <input type="number" min={1} max={3650} value={expiringDays} onChange={(e) => setExpiringDays(Math.min(3650, Math.max(1, Number(e.target.value) || 90)))} className="narrow" data-testid="roster-days" />
          </label>
          <button type="button" onClick={() => void exportXlsx()} data-testid="roster-export">
            {t('roster.export')}
          </button>
        </div>
        <ExportActions file={exported} testId="roster-export-actions" showWhere />
      </div>
      <p className="muted small">{t('roster.help')}</p>
      {roster && <p className="small muted">{t('roster.today', { date: roster.today })}</p>}
      {renewed && (
        <p role="status" data-testid="roster-notice">
          {t('roster.renewed', { serial: renewed })}
        </p>
      )}
      {roster && roster.members.length === 0 ? (
        <p className="muted" data-testid="roster-empty">
          {t('roster.empty')}
        </p>
      ) : (
        <table className="data-table compact">
          <thead>
            <tr>
              <th>{t('roster.columns.name')}</th>
              <th>{t('roster.columns.campaign')}</th>
              <th>{t('roster.columns.status')}</th>
              <th>{t('roster.columns.serial')}</th>
              <th>{t('roster.columns.validUntil')}</th>
              <th>{t('roster.columns.activities')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(roster?.members ?? []).map((m) => (
              <tr key={`${m.campaignId}:${m.subject}`} data-testid="roster-row">
                <td>
                  {m.name}
                  {m.unit && <div className="small muted">{m.unit}</div>}
                </td>
                <td className="small">{localized(m.campaignName, i18n.language)}</td>
                <td>
                  <span className={`badge ${BADGE[m.status]}`} data-testid="roster-row-status">
                    {t(`roster.status.${m.status}`)}
                  </span>
                </td>
                <td className="mono small">
                  {m.certificate?.serial ?? '—'}
                  {m.certificate?.renews && <div className="muted">{t('roster.columns.renews')} {m.certificate.renews}</div>}
                </td>
                <td>{m.certificate ? (m.certificate.validUntil ?? t('certificates.fields.noExpiry')) : '—'}</td>
                <td className="small">
                  {m.activities.length === 0
                    ? '—'
                    : m.activities.map((a) => (
                        <div key={a.id}>
                          {a.onDate} {t(`roster.activity.${a.activity}`)}
                          {a.note && <span className="muted"> · {a.note}</span>}
                        </div>
                      ))}
                </td>
                <td className="actions">
                  {m.certificate?.validUntil && (m.status === 'certified' || m.status === 'expiring' || m.status === 'expired') && (
                    <button type="button" onClick={() => void renew(m)} data-testid="roster-renew">
                      {t('roster.renew')}
                    </button>
                  )}
                  <button type="button" onClick={() => setAdding(m)} data-testid="roster-add-activity">
                    {t('roster.addActivity')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && (
        <ActivityForm
          key={`${adding.campaignId}:${adding.subject}`}
          member={adding}
          today={roster?.today ?? ''}
          onDone={() => {
            setAdding(null);
            reload();
          }}
        />
      )}
    </section>
  );
}

function ActivityForm({ member, today, onDone }: { member: RosterMember; today: string; onDone(): void }) {
  const { t } = useTranslation();
  const run = useAppStore((s) => s.run);
  const [activity, setActivity] = useState<MemberActivity>('world_cancer_day');
  const [onDate, setOnDate] = useState(today);
  const [note, setNote] = useState('');
  async function save() {
    const saved = await run(() => invoke('roster:addActivity', { campaignId: member.campaignId, subject: member.subject, activity, onDate, note }));
    if (saved) onDone();
  }
  return (
    <form
      className="roster-activity panel"
      data-testid="roster-activity-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>
        {t('roster.addActivity')} · {member.name}
      </h3>
      <label>
        {t('roster.activityKind')}
        <select value={activity} onChange={(e) => setActivity(e.target.value as MemberActivity)} data-testid="roster-activity-kind">
          {memberActivities.map((a) => (
            <option key={a} value={a}>
              {t(`roster.activity.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('roster.activityDate')}
        <input type="date" value={onDate} onChange={(e) => setOnDate(e.target.value)} required data-testid="roster-activity-date" />
      </label>
      <label>
        {t('roster.activityNote')}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} data-testid="roster-activity-note" />
      </label>
      <div className="actions">
        <button type="submit" className="primary" data-testid="roster-activity-save">
          {t('roster.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancelAction')}
        </button>
      </div>
    </form>
  );
}
