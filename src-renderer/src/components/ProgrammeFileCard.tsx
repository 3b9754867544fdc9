// "New campaign from a programme file" (.kepuprog): the file is checked first and every problem is
// listed in the reader's language with where it is in the file (the place as the Setup editor names
// it, labels instead of keys: setup/problem-place.ts); only a valid file creates anything.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDefinition, DefinitionProblem } from '../../../src-main/contract';
import { invoke } from '../api';
import { fileToBase64 } from '../files';
import { useAppStore } from '../stores/useAppStore';
import { useOpenedFileStore } from '../stores/useOpenedFileStore';
import { problemLine } from './setup/problem-place';

export function ProgrammeFileCard({ onCreated }: { onCreated(campaignId: string): void }) {
  const { t, i18n } = useTranslation();
  const run = useAppStore((s) => s.run);
  const busy = useAppStore((s) => s.busy);
  const [problems, setProblems] = useState<{ file: string; list: DefinitionProblem[]; definition: CampaignDefinition | null } | null>(null);

  // A programme file double-clicked in Explorer / Finder (OpenedFileDialog): checked as if chosen here.
  const pendingProgramme = useOpenedFileStore((s) => s.pendingProgramme);
  const takePendingProgramme = useOpenedFileStore((s) => s.takePendingProgramme);
  const closeProgrammePanel = useOpenedFileStore((s) => s.closeProgrammePanel);

  async function pick(file: File | undefined) {
    if (!file) return;
    await checkAndCreate({ fileName: file.name, contentBase64: await fileToBase64(file) });
  }

  async function checkAndCreate(source: { fileName: string; contentBase64: string }) {
    setProblems(null);
    const check = await run(() => invoke('programme:check', { file: source }));
    if (!check) return;
    if (!check.valid) {
      setProblems({ file: source.fileName, list: check.problems, definition: check.definition });
      return;
    }
    const campaign = await run(() => invoke('campaign:createFromProgramme', { file: source }));
    if (!campaign) return;
    closeProgrammePanel();
    onCreated(campaign.id);
  }

  useEffect(() => {
    if (!pendingProgramme) return;
    takePendingProgramme();
    void checkAndCreate(pendingProgramme);
  }, [pendingProgramme]); // eslint-disable-line react-hooks/exhaustive-deps -- once per handed-over file; checkAndCreate is a new function every render

  return (
    <article className="template-card programme-card" data-testid="programme-file-card">
      <span className="kind-badge">.kepuprog</span>
      <h3>{t('programme.createFromFile')}</h3>
      <p>{t('programme.createHint')}</p>
      {/* A styled label instead of the browser's own button, whose text follows the OS, not the app. */}
      <label className="file-button">
        {t('programme.chooseFile')}
        <input
          type="file"
          className="visually-hidden"
          accept=".kepuprog,application/json"
          disabled={busy}
          data-testid="programme-file"
          onChange={(e) => {
            void pick(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      {problems && (
        <div className="programme-problems" role="alert" data-testid="programme-problems">
          <p>{t('programme.problems', { file: problems.file, count: problems.list.length })}</p>
          <ul>
            {problems.list.map((p, i) => {
              const line = problemLine(p, problems.definition, t, i18n.language);
              return (
                <li key={i}>
                  {line.place ? (
                    <>
                      <strong>{line.place}</strong>
                      {t('programme.placeSeparator')}
                    </>
                  ) : null}
                  {line.message}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </article>
  );
}
