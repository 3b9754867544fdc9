// Publishing: lock the current result as a signed snapshot, list what was published, and verify
// a published result against the database (recomputed bit for bit) with its signature, naming
// each difference when the lines kept at publishing allow it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, SnapshotInfo, SnapshotVerification } from '../../../../src-main/contract';
import { carriedLine, differenceLines, snapshotPartText } from '../../../../src-main/contract/verify-text';
import { ApiError, invoke } from '../../api';
import { useDeliveredExport } from '../../hooks/useDeliveredExport';
import { ExportActions } from '../ExportActions';
import { formatInstant, localized } from '../../format';
import { channelKey, queryClient, useChannel } from '../../queries';
import { useAppStore } from '../../stores/useAppStore';
import { useConfirmStore } from '../../stores/useConfirmStore';

export function LockPanel({ campaign, onLocked }: { campaign: CampaignDetail; onLocked(): void }) {
  const { t } = useTranslation();
  const [exported, deliver] = useDeliveredExport();
  const run = useAppStore((s) => s.run);
  const ask = useConfirmStore((s) => s.ask);
  const askText = useConfirmStore((s) => s.askText);
  const snapshotsKey = channelKey('ranking:snapshots', { campaignId: campaign.id });
  const snapshots = useChannel('ranking:snapshots', { campaignId: campaign.id }).data ?? [];
  const [checks, setChecks] = useState<Record<string, SnapshotVerification>>({});
  const tz = campaign.definition.timeZone;

  async function lock() {
    const agreed = await ask({ title: t('ranking.lock.button'), body: t('ranking.lock.confirm'), confirmLabel: t('ranking.lock.button'), cancelLabel: t('common.cancelAction') });
    if (!agreed) return;
    const info = await run(() => lockOrOverride());
    if (info) {
      // Shown at once; onLocked invalidates the campaign's reads, this list included.
      queryClient.setQueryData<SnapshotInfo[]>(snapshotsKey, (s) => [info, ...(s ?? [])]);
      onLocked();
    }
  }
  /**
   * After a 公示 the lock is the final result: while the period runs or objections are open it is
   * refused; the coordinator may publish anyway, giving a reason that is recorded with the lock.
   */
  async function lockOrOverride(): Promise<SnapshotInfo | undefined> {
    try {
      return await invoke('ranking:lock', { campaignId: campaign.id });
    } catch (error) {
      if (!(error instanceof ApiError) || (error.code !== 'NOTICE_PERIOD_OPEN' && error.code !== 'NOTICE_OBJECTIONS_OPEN')) throw error;
      const reason = await askText({
        title: t('notice.override.title'),
        body: t('notice.override.body', { message: t(`errors.${error.code}`, error.params) }),
        confirmLabel: t('notice.override.confirm'),
        cancelLabel: t('common.cancelAction'),
        danger: true,
        text: { label: t('notice.override.reason'), required: true },
      });
      if (reason === null) return undefined;
      return invoke('ranking:lock', { campaignId: campaign.id, override: { reason } });
    }
  }
  async function verify(id: string) {
    const result = await run(() => invoke('ranking:verify', { campaignId: campaign.id, snapshotId: id }));
    if (result) setChecks((c) => ({ ...c, [id]: result }));
  }
  async function download(id: string) {
    const file = await run(() => invoke('ranking:export', { campaignId: campaign.id, format: 'snapshot', snapshotId: id }));
    if (file) deliver(file);
  }

  return (
    <section className="panel" data-testid="lock-panel">
      <div className="section-head">
        <h2>{t('ranking.lock.history')}</h2>
        <button type="button" className="primary" onClick={() => void lock()} data-testid="ranking-lock">
          {t('ranking.lock.button')}
        </button>
      </div>
      {snapshots.length === 0 && <p className="muted">{t('ranking.lock.notLocked')}</p>}
      <ExportActions file={exported} testId="snapshot-export-actions" showWhere />
      <ul className="plain-list snapshots">
        {snapshots.map((s) => {
          const check = checks[s.id];
          return (
            <li key={s.id} data-testid="snapshot">
              <div>
                {t('ranking.lock.locked', { time: formatInstant(s.lockedAt, tz), name: s.signerName || '—', fingerprint: s.signerFingerprint })} · {s.methods.map((m) => t(`ranking.methods.${m}`)).join(' / ')} ·{' '}
                {t('ranking.categoryCount', { ranked: s.rankedCount, held: s.heldCount })}
              </div>
              {/* A checksum a person compares on purpose (with a printed result), not an internal id. */}
              <div className="small muted mono" data-checksum="sha256">{t('ranking.lock.hash', { hash: s.sha256 })}</div>
              <div className="actions">
                <button type="button" onClick={() => void verify(s.id)}>
                  {t('ranking.lock.verify')}
                </button>
                <button type="button" onClick={() => void download(s.id)}>
                  {t('ranking.export.snapshot')}
                </button>
              </div>
              {check && (
                <p className={`badge ${check.equal && check.signatureValid ? 'verdict-pass' : 'verdict-fail'}`} data-testid="snapshot-check">
                  {!check.signatureValid
                    ? t('ranking.lock.signatureBad')
                    : check.equal
                      ? t('ranking.lock.verified')
                      : t('ranking.lock.differs', { part: snapshotPartText(t, check.difference?.path ?? '') })}
                </p>
              )}
              {check && !check.equal && <DifferenceList check={check} campaign={campaign} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * What differs, named (entry, judge, dimension, old → new; entries and judges added or removed),
 * from the lines kept when the result was published; a result published before they were kept
 * says that only the hash comparison is available. Dimensions by label, judges by name.
 */
function DifferenceList({ check, campaign }: { check: SnapshotVerification; campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation();
  const label = (key: string) => {
    const found = campaign.definition.lists.flatMap((l) => l.rubric).find((x) => x.key === key);
    return found ? localized(found.label, i18n.language) : key;
  };
  const carried = check.difference ? carriedLine(t, check.difference.path, check.difference.locked, check.difference.recomputed) : null;
  const [first, ...rest] = differenceLines(t, check.difference?.path ?? '', check.detail, check.differences, label, carried);
  if (rest.length === 0) {
    return (
      <p className="small muted" data-testid="snapshot-differences">
        {first}
      </p>
    );
  }
  return (
    <div className="small" data-testid="snapshot-differences">
      <p>{first}</p>
      <ul className="plain-list">
        {rest.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
