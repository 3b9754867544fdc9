// Committee membership steps (issue 17): after selection, each member's accounts must be opened
// and verified on the partner platforms, a work published and passed, and the committee must
// confirm, before the membership certificate is issued. This panel shows who is waiting for what
// and records a step (date, evidence, screenshot); records are appended, so a correction keeps
// what was recorded before.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, MemberSteps, MembershipStepDef, StepRecordView } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { fileToBase64 } from '../../files';
import { formatInstant, localizedOr } from '../../format';
import { invalidateCampaign, useChannel } from '../../queries';
import { useAppStore } from '../../stores/useAppStore';

function StepCell({ step, record }: { step: MembershipStepDef; record: StepRecordView | undefined }) {
  const { t } = useTranslation();
  if (!record?.doneOn) return <span className="muted">—</span>;
  if (step.evidence === 'account' && !record.verified) return <span className="badge verdict-unreadable">{t('membership.notVerified', { date: record.doneOn })}</span>;
  return <span className="badge verdict-pass">✓ {record.doneOn}</span>;
}

export function MembershipPanel({ campaign }: { campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation();
  const board = useChannel('membership:board', { campaignId: campaign.id }).data;
  const [editing, setEditing] = useState<MemberSteps | null>(null);
  if (!board || (board.steps.length === 0 && board.retired.length === 0)) return null;
  const label = (key: string) => {
    const step = board.steps.find((s) => s.key === key);
    return step ? localizedOr(step.label, i18n.language) : key;
  };
  return (
    <section className="panel membership-panel" data-testid="membership-panel">
      <h2>{t('membership.title')}</h2>
      <p className="muted small">{t('membership.help')}</p>
      {board.members.length === 0 ? (
        <p className="muted" data-testid="membership-none">
          {t('membership.none')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table compact">
            <thead>
              <tr>
                <th>{t('membership.member')}</th>
                {board.steps.map((s) => (
                  <th key={s.key} title={localizedOr(s.label, i18n.language)}>
                    {localizedOr(s.label, i18n.language)}
                    {!s.required && <span className="muted small"> {t('membership.optional')}</span>}
                  </th>
                ))}
                {board.retired.map((s) => (
                  <th key={s.key} className="retired-step" title={t('membership.retiredHint')} data-testid="membership-retired-step">
                    {localizedOr(s.label, i18n.language)}
                    <span className="muted small"> {t('membership.retired')}</span>
                  </th>
                ))}
                <th>{t('membership.status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {board.members.map((m) => (
                <tr key={m.subject} data-testid="membership-row">
                  <td>
                    {m.name}
                    {m.unit && <div className="small muted">{m.unit}</div>}
                  </td>
                  {board.steps.map((s) => (
                    <td key={s.key}>
                      <StepCell step={s} record={m.steps[s.key]} />
                    </td>
                  ))}
                  {/* Kept records of a step the programme no longer lists: shown, not counted. */}
                  {board.retired.map((s) => (
                    <td key={s.key} className="retired-step">
                      <StepCell step={s} record={m.steps[s.key]} />
                    </td>
                  ))}
                  <td data-testid="membership-status">
                    {m.certificate ? (
                      <span className="badge verdict-pass">{t('membership.certified', { serial: m.certificate.serial })}</span>
                    ) : m.missing.length === 0 ? (
                      <span className="badge verdict-pass">{t('membership.ready')}</span>
                    ) : (
                      // The step columns show which; the status names them only when few are left.
                      <span className="badge verdict-unreadable">
                        {m.missing.length <= 2 ? t('membership.waitingFor', { steps: m.missing.map(label).join(t('membership.separator')) }) : t('membership.waitingCountSteps', { count: m.missing.length, total: board.steps.filter((s) => s.required).length })}
                      </span>
                    )}
                  </td>
                  <td className="actions">
                    <button type="button" disabled={board.steps.length === 0} onClick={() => setEditing(m)} data-testid="membership-record">
                      {t('membership.record')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && <StepForm key={editing.subject} campaign={campaign} member={editing} steps={board.steps} onClose={() => setEditing(null)} />}
    </section>
  );
}

function StepForm({ campaign, member, steps, onClose }: { campaign: CampaignDetail; member: MemberSteps; steps: MembershipStepDef[]; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const run = useAppStore((s) => s.run);
  // The first step still missing is the one most likely recorded next.
  const [stepKey, setStepKey] = useState(member.missing[0] ?? steps[0].key);
  const step = steps.find((s) => s.key === stepKey) ?? steps[0];
  const previous = member.steps[step.key];
  const [doneOn, setDoneOn] = useState(previous?.doneOn ?? '');
  const [platform, setPlatform] = useState(previous?.platform ?? (step.platform ? localizedOr(step.platform, i18n.language) : ''));
  const [account, setAccount] = useState(previous?.account ?? '');
  const [link, setLink] = useState(previous?.link ?? '');
  const [verified, setVerified] = useState(previous?.verified ?? false);
  const [note, setNote] = useState('');
  const [screenshot, setScreenshot] = useState<File | null>(null);

  function chooseStep(key: string) {
    const next = steps.find((s) => s.key === key) ?? steps[0];
    const record = member.steps[next.key];
    setStepKey(next.key);
    setDoneOn(record?.doneOn ?? '');
    setPlatform(record?.platform ?? (next.platform ? localizedOr(next.platform, i18n.language) : ''));
    setAccount(record?.account ?? '');
    setLink(record?.link ?? '');
    setVerified(record?.verified ?? false);
    setNote('');
    setScreenshot(null);
  }

  async function save() {
    const saved = await run(async () =>
      invoke('membership:record', {
        campaignId: campaign.id,
        subject: member.subject,
        step: step.key,
        doneOn: doneOn || null,
        ...(step.evidence === 'account' ? { platform, account } : {}),
        ...(step.evidence !== 'confirmation' ? { link } : {}),
        verified: step.evidence === 'account' ? verified : Boolean(doneOn),
        note,
        ...(screenshot ? { screenshot: { fileName: screenshot.name, contentBase64: await fileToBase64(screenshot) } } : {}),
      }),
    );
    if (saved) {
      void invalidateCampaign(campaign.id);
      onClose();
    }
  }

  return (
    <form
      className="membership-form panel"
      data-testid="membership-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('membership.formTitle', { name: member.name })}</h3>
      <div className="form-grid">
        <label>
          {t('membership.step')}
          <select value={step.key} onChange={(e) => chooseStep(e.target.value)} data-testid="membership-step">
            {steps.map((s) => (
              <option key={s.key} value={s.key}>
                {localizedOr(s.label, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('membership.doneOn')}
          <input type="date" value={doneOn} onChange={(e) => setDoneOn(e.target.value)} data-testid="membership-date" />
        </label>
        {step.evidence === 'account' && (
          <>
            <label>
              {t('membership.platform')}
              <input value={platform} onChange={(e) => setPlatform(e.target.value)} maxLength={100} />
            </label>
            <label>
              {t('membership.account')}
              <input value={account} onChange={(e) => setAccount(e.target.value)} maxLength={200} data-testid="membership-account" />
            </label>
          </>
        )}
        {step.evidence !== 'confirmation' && (
          <label>
            {t('membership.link')}
            <input value={link} onChange={(e) => setLink(e.target.value)} maxLength={2000} placeholder="https://" />
          </label>
        )}
        {step.evidence === 'account' && (
          <label className="checkbox">
            <input type="checkbox" checked={verified} onChange={(e) => setVerified(e.target.checked)} data-testid="membership-verified" /> {t('membership.verified')}
          </label>
        )}
        {step.evidence !== 'confirmation' && (
          <label>
            {t('membership.screenshot')}
            <input type="file" accept="image/png,image/jpeg,.png,.jpg,.jpeg" onChange={(e) => setScreenshot(e.target.files?.[0] ?? null)} />
          </label>
        )}
        <label className="wide">
          {t('membership.note')}
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} data-testid="membership-note" />
        </label>
      </div>
      {previous && (
        <p className="small muted">
          {t('membership.lastRecord', { at: formatInstant(previous.recordedAt, campaign.definition.timeZone), who: previous.recordedBy })}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" data-testid="membership-save">
          {t('membership.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancelAction')}
        </button>
      </div>
    </form>
  );
}
