// The notice's attachment files (报名表.docx, 承诺书.pdf…), kept inside the campaign. Unlike the rest
// of Setup they are not part of the draft: adding and removing take effect at once (each is in the
// audit log). A file is picked with the page's own file input and sent inline, and a copy is saved
// as a download — the way every other file travels, so the browser shell and the desktop app (a
// save dialog) behave alike. The Overview shows the same list read-only.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, NoticeFileInfo } from '../../../../src-main/contract';
import { MAX_CAMPAIGN_FILES_BYTES, MAX_NOTICE_FILE_BYTES } from '../../../../src-main/contract/notice-file-limits';
import { ApiError, call, invoke } from '../../api';
import { fileToBase64 } from '../../files';
import { useDeliveredExport } from '../../hooks/useDeliveredExport';
import { ExportActions } from '../ExportActions';
import { formatBytes, formatInstant } from '../../format';
import { useAppStore } from '../../stores/useAppStore';
import { useConfirmStore } from '../../stores/useConfirmStore';

type Campaign = Pick<CampaignDetail, 'id' | 'timeZone' | 'archived'>;

/** The campaign's attachments, loaded once and reloaded after each change. */
function useNoticeFiles(campaignId: string) {
  const run = useAppStore((s) => s.run);
  const [files, setFiles] = useState<NoticeFileInfo[] | null>(null);
  const reload = useCallback(async () => {
    const next = await run(() => invoke('campaign:noticeFiles', { campaignId }));
    if (next) setFiles(next);
  }, [campaignId, run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { files, setFiles, reload };
}

function NoticeFilesTable(props: { campaign: Campaign; files: NoticeFileInfo[]; editable: boolean; onRemove?(file: NoticeFileInfo): void; testId: string }) {
  const { campaign, files, editable, onRemove, testId } = props;
  const { t, i18n } = useTranslation();
  const [exported, deliver] = useDeliveredExport();
  const run = useAppStore((s) => s.run);
  const [saved, setSaved] = useState<{ file: string; path: string } | null>(null);
  async function save(file: NoticeFileInfo) {
    const copy = await run(() => invoke('campaign:saveNoticeFile', { campaignId: campaign.id, fileId: file.id }));
    if (!copy) return;
    deliver(copy);
    setSaved({ file: copy.fileName, path: copy.savedTo });
  }
  return (
    <>
      <table className="data-table compact notice-files">
        <thead>
          <tr>
            <th>{t('setup.noticeFiles.name')}</th>
            <th>{t('setup.noticeFiles.size')}</th>
            <th>{t('setup.noticeFiles.added')}</th>
            {editable && <th>{t('setup.noticeFiles.addedBy')}</th>}
            <th />
          </tr>
        </thead>
        <tbody>
          {files.map((f, i) => (
            <tr key={f.id} data-testid={`${testId}-${i}`}>
              <td className="notice-file-name">{f.fileName}</td>
              <td>{formatBytes(f.size, i18n.language)}</td>
              <td>{formatInstant(f.addedAt, campaign.timeZone)}</td>
              {editable && <td>{f.addedBy}</td>}
              <td className="row-actions">
                <button type="button" onClick={() => void save(f)} data-testid={`${testId}-${i}-save`}>
                  {t('setup.noticeFiles.save')}
                </button>
                {editable && onRemove && (
                  <button type="button" className="danger-outline" onClick={() => onRemove(f)} data-testid={`${testId}-${i}-remove`}>
                    {t('setup.noticeFiles.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {saved && (
        <p className="muted small" data-testid={`${testId}-saved`}>
          {t('setup.noticeFiles.saved', { file: saved.file, path: saved.path })}
        </p>
      )}
      <ExportActions file={exported} testId={`${testId}-export-actions`} />
    </>
  );
}

/** Setup → Contact and notice: the attachments, with Add, Save a copy and Remove. */
export function NoticeFilesEditor({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  const run = useAppStore((s) => s.run);
  const ask = useConfirmStore((s) => s.ask);
  const { files, setFiles, reload } = useNoticeFiles(campaign.id);
  const input = useRef<HTMLInputElement>(null);
  const editable = !campaign.archived;
  const total = (files ?? []).reduce((n, f) => n + f.size, 0);

  async function add(list: FileList | null) {
    const picked = list?.[0];
    if (input.current) input.current.value = ''; // the same file can be picked again
    if (!picked) return;
    const file = { fileName: picked.name, contentBase64: await fileToBase64(picked) };
    const first = await call('campaign:addNoticeFile', { campaignId: campaign.id, file });
    if (!first.ok && first.error.code === 'NOTICE_FILE_EXISTS') {
      const name = String(first.error.params?.file ?? picked.name);
      const replace = await ask({
        title: t('setup.noticeFiles.replaceTitle', { file: name }),
        body: t('setup.noticeFiles.replaceBody', { file: name }),
        confirmLabel: t('setup.noticeFiles.replace'),
        cancelLabel: t('common.cancelAction'),
        danger: true,
      });
      if (!replace) return;
      await run(() => invoke('campaign:addNoticeFile', { campaignId: campaign.id, file, replace: true }));
    } else if (!first.ok) {
      await run(() => Promise.reject(new ApiError(first.error)));
    }
    await reload();
  }

  async function remove(file: NoticeFileInfo) {
    const sure = await ask({
      title: t('setup.noticeFiles.removeTitle', { file: file.fileName }),
      body: t('setup.noticeFiles.removeBody', { file: file.fileName }),
      confirmLabel: t('setup.noticeFiles.remove'),
      cancelLabel: t('common.cancelAction'),
      danger: true,
    });
    if (!sure) return;
    const left = await run(() => invoke('campaign:removeNoticeFile', { campaignId: campaign.id, fileId: file.id }));
    if (left) setFiles(left);
  }

  return (
    <section className="panel" aria-labelledby="setup-notice-files-title" data-testid="setup-notice-files">
      <div className="section-head">
        <h2 id="setup-notice-files-title">{t('setup.noticeFiles.title')}</h2>
        {editable && (
          <label className="file-button">
            {t('setup.noticeFiles.add')}
            <input ref={input} type="file" className="visually-hidden" onChange={(e) => void add(e.target.files)} data-testid="setup-notice-file-add" />
          </label>
        )}
      </div>
      <p className="muted small">
        {editable
          ? t('setup.noticeFiles.hint', { fileMb: MAX_NOTICE_FILE_BYTES / 1e6, totalMb: MAX_CAMPAIGN_FILES_BYTES / 1e6 })
          : t('setup.noticeFiles.readOnly')}
      </p>
      {files && files.length === 0 && <p className="muted" data-testid="setup-notice-files-none">{t('setup.noticeFiles.none')}</p>}
      {files && files.length > 0 && (
        <>
          <NoticeFilesTable campaign={campaign} files={files} editable={editable} onRemove={(f) => void remove(f)} testId="setup-notice-file" />
          <p className="muted small" data-testid="setup-notice-files-total">
            {t('setup.noticeFiles.total', { count: files.length, size: formatBytes(total, i18n.language), max: MAX_CAMPAIGN_FILES_BYTES / 1e6 })}
          </p>
        </>
      )}
    </section>
  );
}

/** Overview: the attachments read-only (a copy can still be saved); nothing when there are none. */
export function NoticeFilesSummary({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { files } = useNoticeFiles(campaign.id);
  if (!files || files.length === 0) return null;
  return (
    <section className="panel wide" data-testid="overview-notice-files">
      <h2>{t('overview.noticeFiles')}</h2>
      <NoticeFilesTable campaign={campaign} files={files} editable={false} testId="overview-notice-file" />
    </section>
  );
}
