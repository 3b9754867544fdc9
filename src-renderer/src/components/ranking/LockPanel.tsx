// Publishing: lock the current result as a signed snapshot, list what was published, and verify
// a published result against the database (recomputed bit for bit) with its signature.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, SnapshotInfo, SnapshotVerification } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { downloadBase64 } from '../../files';
import { formatInstant } from '../../format';
import { useAppStore } from '../../stores/useAppStore';
import { useConfirmStore } from '../../stores/useConfirmStore';

export function LockPanel({ campaign, computedAt, onLocked }: { campaign: CampaignDetail; computedAt: string; onLocked(): void }) {
  const { t } = useTranslation();
  const run = useAppStore((s) => s.run);
  const ask = useConfirmStore((s) => s.ask);
  const [snapshots, setSnapshots] = useState<SnapshotInfo[]>([]);
  const [checks, setChecks] = useState<Record<string, SnapshotVerification>>({});
  const tz = campaign.definition.timeZone;
  useEffect(() => {
    void run(() => invoke('ranking:snapshots', { campaignId: campaign.id })).then((s) => s && setSnapshots(s));
  }, [run, campaign.id, computedAt]);

  async function lock() {
    const agreed = await ask({ title: t('ranking.lock.button'), body: t('ranking.lock.confirm'), confirmLabel: t('ranking.lock.button'), cancelLabel: t('common.cancelAction') });
    if (!agreed) return;
    const info = await run(() => invoke('ranking:lock', { campaignId: campaign.id }));
    if (info) {
      setSnapshots((s) => [info, ...s]);
      onLocked();
    }
  }
  async function verify(id: string) {
    const result = await run(() => invoke('ranking:verify', { campaignId: campaign.id, snapshotId: id }));
    if (result) setChecks((c) => ({ ...c, [id]: result }));
  }
  async function download(id: string) {
    const file = await run(() => invoke('ranking:export', { campaignId: campaign.id, format: 'snapshot', snapshotId: id }));
    if (file) downloadBase64(file.fileName, file.mimeType, file.contentBase64);
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
      <ul className="plain-list snapshots">
        {snapshots.map((s) => {
          const check = checks[s.id];
          return (
            <li key={s.id} data-testid="snapshot">
              <div>
                {t('ranking.lock.locked', { time: formatInstant(s.lockedAt, tz), name: s.signerName || '—', fingerprint: s.signerFingerprint })} · {s.methods.map((m) => t(`ranking.methods.${m}`)).join(' / ')} ·{' '}
                {t('ranking.categoryCount', { ranked: s.rankedCount, held: s.heldCount })}
              </div>
              <div className="small muted mono">{t('ranking.lock.hash', { hash: s.sha256 })}</div>
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
                      : t('ranking.lock.differs', { path: check.difference?.path, locked: check.difference?.locked, recomputed: check.difference?.recomputed })}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
