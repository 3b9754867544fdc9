// Settings › Backups (issue 21): back up the whole data folder now (with or without the linked
// media), the automatic backups kept before merges and publishes (how many), every backup in the
// data folder's backups/ with its date, reason, size and campaigns, and restore — after a
// confirmation, next to the current data, which is kept (put in place when the app starts again).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { formatBytes } from '../../format';
import { useJob } from '../../hooks/useJob';
import { invalidateChannels, useChannel } from '../../queries';
import { useAppStore } from '../../stores/useAppStore';
import { useConfirmStore } from '../../stores/useConfirmStore';

export function BackupPanel() {
  const { t, i18n } = useTranslation();
  const run = useAppStore((s) => s.run);
  const ask = useConfirmStore((s) => s.ask);
  const [includeMedia, setIncludeMedia] = useState(false);
  const [restorePath, setRestorePath] = useState('');
  const [restartByHand, setRestartByHand] = useState(false);
  const backups = useChannel('backup:list', {}).data ?? null;
  const settings = useChannel('backup:settings', {}).data ?? null;
  const creating = useJob<'backup.create'>(() => void invalidateChannels('backup:list'));
  const restoring = useJob<'backup.restore'>();
  const language = i18n.language;
  const when = (iso: string) => new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN');
  const bridge = window.kepu;

  async function saveKeep(value: string) {
    const keep = Number(value);
    if (!Number.isInteger(keep) || keep < 0 || keep > 1000) return;
    if (await run(() => invoke('backup:settings', { autoKeep: keep }))) await invalidateChannels('backup:settings');
  }

  async function restore(file: string, label: string) {
    const confirmed = await ask({
      title: t('backup.restoreTitle'),
      body: t('backup.restoreBody', { backup: label }),
      confirmLabel: t('backup.restoreConfirm'),
      cancelLabel: t('common.cancelAction'),
      danger: true,
    });
    if (confirmed) await restoring.start(() => invoke('backup:restore', { file }));
  }

  async function restartNow() {
    const answer = await run(() => invoke('backup:restart', {}));
    if (answer && !answer.restarting) setRestartByHand(true);
  }

  const restored = restoring.result;
  return (
    <section className="panel" aria-labelledby="backup-heading" data-testid="backup-panel">
      <h2 id="backup-heading">{t('backup.title')}</h2>
      <p className="muted small">{t('backup.intro')}</p>
      <div className="row">
        <label>
          <input type="checkbox" checked={includeMedia} onChange={(e) => setIncludeMedia(e.target.checked)} data-testid="backup-include-media" /> {t('backup.includeMedia')}
        </label>{' '}
        <button type="button" disabled={creating.running} onClick={() => void creating.start(() => invoke('backup:create', { includeMedia }))} data-testid="backup-create">
          {t('backup.create')}
        </button>
        {creating.running && (
          <>
            {' '}
            <progress max={creating.progress?.total || 1} value={creating.progress?.done ?? 0} />{' '}
            <button type="button" className="subtle" onClick={() => void creating.cancel()}>
              {t('common.cancelAction')}
            </button>
          </>
        )}
      </div>
      {creating.result && !creating.running && (
        <p className="small" data-testid="backup-created">
          {t('backup.created', { file: creating.result.file, size: formatBytes(creating.result.sizeBytes, language) })}
        </p>
      )}
      {creating.errorText && <p className="verdict-fail small">{creating.errorText}</p>}

      <h3>{t('backup.autoTitle')}</h3>
      <label>
        {t('backup.autoKeep')}{' '}
        <input
          type="number"
          min={0}
          max={1000}
          key={settings?.autoKeep ?? 'loading'}
          defaultValue={settings?.autoKeep ?? ''}
          onBlur={(e) => void saveKeep(e.target.value)}
          style={{ width: '5em' }}
          data-testid="backup-auto-keep"
        />{' '}
        {t('backup.autoKeepUnit')}
      </label>
      <p className="muted small">{t('backup.autoHint')}</p>

      <h3>{t('backup.listTitle')}</h3>
      {backups && backups.length === 0 && <p className="muted small">{t('backup.none')}</p>}
      {backups && backups.length > 0 && (
        <table className="data-table" data-testid="backup-list">
          <thead>
            <tr>
              <th>{t('backup.when')}</th>
              <th>{t('backup.reasonHeading')}</th>
              <th>{t('backup.size')}</th>
              <th>{t('backup.campaigns')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups.map((b: BackupInfo) => (
              <tr key={b.file} data-testid="backup-row">
                <td>{when(b.createdAt)}</td>
                <td>
                  {t(`backup.reason.${b.reason}`)}
                  {b.mediaIncluded && <span className="badge">{t('backup.withMedia')}</span>}
                </td>
                <td>{formatBytes(b.sizeBytes, language)}</td>
                <td title={b.campaigns.map((c) => (language === 'en' ? c.nameEn : c.nameZh)).join('\n')}>{t('backup.campaignCount', { count: b.campaigns.length })}</td>
                <td>
                  <button type="button" disabled={restoring.running} onClick={() => void restore(b.file, when(b.createdAt))} data-testid="backup-restore">
                    {t('backup.restore')}
                  </button>{' '}
                  {bridge && (
                    <button type="button" className="subtle" onClick={() => void bridge.showInFolder(b.file)}>
                      {t('exchange.showInFolder')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('backup.fromFileTitle')}</h3>
      <div className="row">
        <input type="text" value={restorePath} onChange={(e) => setRestorePath(e.target.value)} placeholder={t('backup.pathPlaceholder')} style={{ width: '28em' }} data-testid="backup-restore-path" />{' '}
        <button type="button" disabled={!restorePath.trim() || restoring.running} onClick={() => void restore(restorePath.trim(), restorePath.trim())}>
          {t('backup.restore')}
        </button>
      </div>
      {restoring.running && <progress max={restoring.progress?.total || 1} value={restoring.progress?.done ?? 0} />}
      {restoring.errorText && <p className="verdict-fail small">{restoring.errorText}</p>}
      {restored && !restoring.running && (
        <div className="notice" data-testid="backup-restored">
          <p>{t('backup.restoredRestart', { count: restored.campaigns.length })}</p>
          {bridge && (
            <button type="button" onClick={() => void restartNow()} data-testid="backup-restart">
              {t('backup.restartNow')}
            </button>
          )}
          {restartByHand && <p className="small">{t('backup.restartByHand')}</p>}
          {restored.mediaRestored > 0 && <p className="small">{t('backup.mediaRestored', { count: restored.mediaRestored, dir: restored.mediaDir })}</p>}
          {restored.missingMedia.length > 0 && <p className="small">{t('backup.mediaMissing', { count: restored.missingMedia.length })}</p>}
        </div>
      )}
    </section>
  );
}
