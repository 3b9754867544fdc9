// Routes a file the OS opened with the desktop app (double-click, a second launch, macOS "Open
// With") to where that kind of file is opened by hand:
// - a review package (.kepupkg) → the campaign list's "Open a review package", filled in and opened;
// - a programme file (.kepuprog) → the campaign list's "New campaign from a programme file";
// - a judge's result bundle (.kepubundle) → merged into the campaign the user picks here (its
//   Exchange tab then shows the merge report);
// - a judge's key card (.kepukey) → registered in the campaign the user picks here (Exchange tab).
// The browser shell has no file associations: window.kepu is absent and nothing happens.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedFile } from '../../../../src-main/contract';
import { ApiError, invoke } from '../../api';
import { localized } from '../../format';
import { invalidateCampaign, useCampaigns } from '../../queries';
import { useAppStore } from '../../stores/useAppStore';
import { listMemoryKey, useListMemoryStore } from '../../stores/useListMemoryStore';
import { useOpenedFileStore } from '../../stores/useOpenedFileStore';
import { jobEnd } from '../../hooks/useJob';
import { openCampaignOnTab } from '../campaignTabs';

/** Takes the files the main process holds now and whenever it says more are waiting. */
function useOpenedFilesFromShell(): void {
  const add = useOpenedFileStore((s) => s.add);
  useEffect(() => {
    const bridge = window.kepu;
    if (!bridge?.takeOpenedFiles) return;
    const take = () => void bridge.takeOpenedFiles().then(add);
    take();
    return bridge.onFilesToOpen(take);
  }, [add]);
}

export function OpenedFileDialog() {
  useOpenedFilesFromShell();
  const file = useOpenedFileStore((s) => s.waiting[0] ?? null);
  const done = useOpenedFileStore((s) => s.done);
  const handOverPackage = useOpenedFileStore((s) => s.handOverPackage);
  const handOverProgramme = useOpenedFileStore((s) => s.handOverProgramme);
  const go = useAppStore((s) => s.go);

  // A package or an unreadable file needs no question: routed (or reported) at once.
  useEffect(() => {
    if (!file) return;
    if (file.error) {
      useAppStore.setState({ error: new ApiError(file.error) });
      done();
    } else if (file.kind === 'package') {
      go({ name: 'campaigns' });
      handOverPackage(file.path);
      done();
    } else if (file.kind === 'programme') {
      go({ name: 'campaigns' });
      handOverProgramme({ fileName: file.fileName, contentBase64: file.contentBase64 ?? '' });
      done();
    }
  }, [file, done, go, handOverPackage, handOverProgramme]);

  if (!file || file.error || file.kind === 'package' || file.kind === 'programme') return null;
  return <ChooseCampaign key={file.path} file={file} onDone={done} />;
}

function ChooseCampaign({ file, onDone }: { file: OpenedFile; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { go, run, view } = useAppStore();
  const showExchange = useOpenedFileStore((s) => s.showExchange);
  const campaigns = (useCampaigns() ?? []).filter((c) => !c.archived);
  // The campaign on screen first (a bundle usually belongs to the campaign the coordinator works on).
  const [chosen, setChosen] = useState(view.name === 'campaign' ? view.campaignId : '');
  const campaignId = campaigns.some((c) => c.id === chosen) ? chosen : (campaigns[0]?.id ?? '');
  const cancel = useRef<HTMLButtonElement>(null);
  // Like the app's other dialogs: focus on "cancel" so a stray Enter changes nothing; Escape cancels.
  useEffect(() => {
    cancel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      onDone();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onDone]);
  const bundle = file.kind === 'bundle';

  async function apply() {
    const content = { fileName: file.fileName, contentBase64: file.contentBase64 ?? '' };
    const ok = bundle
      ? await run(async () => {
          // As a job on a worker thread, like the Exchange tab's merge: the window keeps answering.
          const ended = await jobEnd(await invoke('bundle:mergeJob', { campaignId, files: [content] }));
          const report = ended.result?.report;
          if (!report) return false; // cancelled: nothing was written
          // The Exchange tab's merge panel shows this report as if the file had been dropped there.
          useListMemoryStore.getState().setValue(listMemoryKey(campaignId, 'merge'), 'report', report);
          return true;
        })
      : await run(async () => (await invoke('judge:registerKeyCard', { campaignId, card: content }), true));
    onDone();
    if (!ok) return;
    void invalidateCampaign(campaignId);
    openCampaignOnTab(campaignId, 'exchange');
    go({ name: 'campaign', campaignId });
    showExchange(campaignId);
  }

  return (
    <div className="overlay" role="presentation">
      <div className="panel confirm-dialog" role="dialog" aria-modal="true" aria-labelledby="opened-file-title" data-testid="opened-file-dialog">
        <h2 id="opened-file-title">{t(bundle ? 'openedFile.bundleTitle' : 'openedFile.keyTitle')}</h2>
        <p className="mono">{file.fileName}</p>
        {campaigns.length === 0 ? (
          <p data-testid="opened-file-no-campaign">{t('openedFile.noCampaign')}</p>
        ) : (
          <label className="confirm-text">
            <span>{t(bundle ? 'openedFile.mergeInto' : 'openedFile.registerIn')}</span>
            <select value={campaignId} onChange={(e) => setChosen(e.target.value)} data-testid="opened-file-campaign">
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {localized(c.name, i18n.language)}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="confirm-actions">
          <button type="button" ref={cancel} onClick={onDone} data-testid="opened-file-cancel">
            {t('common.cancelAction')}
          </button>
          <button type="button" className="primary" disabled={!campaignId} onClick={() => void apply()} data-testid="opened-file-ok">
            {t(bundle ? 'openedFile.merge' : 'openedFile.register')}
          </button>
        </div>
      </div>
    </div>
  );
}
