// The judge's day: queue on the left, the work in the middle, the rubric on the right. The whole
// loop works from the keyboard (see ShortcutSheet); entering an entry puts the focus on its first
// score, and digits score the current dimension wherever the focus is (ScorePanel), so the judge
// never has to click back into the panel.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../EmptyState';
import type { CampaignDetail, Judge } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { formatInstant, localized } from '../../format';
import { useAppStore } from '../../stores/useAppStore';
import { useReviewStore } from '../../stores/useReviewStore';
import { EntryPreview } from '../preview/EntryPreview';
import { JudgeBar } from './JudgeBar';
import { ReviewQueue } from './ReviewQueue';
import { ScorePanel } from './ScorePanel';
import { ShortcutSheet } from './ShortcutSheet';
import { ExportBundleButton } from '../exchange/ExportBundleButton';
import { LocateMedia } from '../exchange/LocateMedia';
import { isTextField } from './scoreKeys';

function isTyping(target: EventTarget | null): boolean {
  return isTextField(target instanceof HTMLElement ? target : null);
}

/** Back to the current dimension's score (after the help sheet closed), so Tab goes on from there. */
function focusCurrentScore() {
  document.querySelector<HTMLElement>('.score-panel .score-control.current [role="slider"]:not([aria-disabled="true"])')?.focus();
}

export function ReviewWorkspace({ campaign }: { campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation();
  const run = useAppStore((s) => s.run);
  const { open, review, step, judgeId, completeAndNext } = useReviewStore();
  const [judges, setJudges] = useState<Judge[] | null>(null);
  const [help, setHelp] = useState(false);
  const closeHelp = () => {
    setHelp(false);
    // After the sheet is gone (its button had the focus), the focus returns to the scores.
    window.setTimeout(focusCurrentScore, 0);
  };

  async function loadJudges(pick?: string) {
    const result = await run(() => invoke('judge:list', { campaignId: campaign.id }));
    if (!result) return;
    setJudges(result.judges);
    const active = pick ?? result.activeJudgeId;
    if (active) await open(campaign.id, active);
  }

  useEffect(() => {
    void loadJudges();
  }, [campaign.id]); // eslint-disable-line react-hooks/exhaustive-deps -- once per campaign; loadJudges is a new function every render

  // Entering an entry: focus its first score so the judge can type at once.
  useEffect(() => {
    if (!review) return;
    const first = document.querySelector<HTMLElement>('.score-panel [role="slider"]:not([aria-disabled="true"])');
    if (first && !isTyping(document.activeElement)) first.focus();
  }, [review?.entryId]); // eslint-disable-line react-hooks/exhaustive-deps -- focus moves when the judge enters another entry, not on every score

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      // defaultPrevented: a focused control used the key already (eligibility y / n / u).
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const dialogOpen = document.querySelector('[aria-modal="true"]:not([data-testid="shortcut-sheet"])');
      if (dialogOpen) return;
      if (e.key === '?') {
        if (document.querySelector('[data-testid="shortcut-sheet"]')) closeHelp();
        else setHelp(true);
        e.preventDefault();
      } else if (e.key === 'Escape') {
        if (!document.querySelector('[data-testid="shortcut-sheet"]')) return;
        closeHelp();
      } else if (e.key === 'n') void step(1);
      else if (e.key === 'p') void step(-1);
      else if (e.key === 'u') void step(1, true);
      else if (e.key === 'c') void completeAndNext().then((done) => !done && document.querySelector<HTMLButtonElement>('[data-testid="mark-complete"]')?.click());
      else return;
      e.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, completeAndNext]);

  if (!judges) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="review-workspace" data-testid="review-workspace">
      <div className="review-top">
        <JudgeBar
          canAdd={!campaign.openedPackage}
          specialityOptions={campaign.definition.entryKinds.flatMap((k) =>
            k.categories.length ? k.categories.map((c) => ({ key: c.key, label: localized(c.label, i18n.language) })) : [{ key: k.kind, label: localized(k.label, i18n.language) }],
          )}
          judges={judges}
          activeJudgeId={judgeId}
          onPick={(id) => {
            void run(() => invoke('judge:activate', { campaignId: campaign.id, judgeId: id }));
            void open(campaign.id, id);
          }}
          onCreate={async (name, institution, specialities, assignAll) => {
            const judge = await run(() => invoke('judge:create', { campaignId: campaign.id, name, ...(institution ? { institution } : {}), specialities, assignAll }));
            if (judge) {
              await run(() => invoke('judge:activate', { campaignId: campaign.id, judgeId: judge.id }));
              await loadJudges(judge.id);
            }
          }}
        />
        {review?.round && (
          <span className="badge verdict-pass" data-testid="review-round">
            {t('review.round', { round: localized(review.round.name, i18n.language) })}
          </span>
        )}
        {review?.round?.dueAt && (
          // In the campaign's time zone, with its offset: a judge elsewhere reads the same instant.
          <span className="badge" data-testid="review-due">
            {t('review.dueBy', { time: formatInstant(review.round.dueAt, campaign.timeZone) })}
          </span>
        )}
        {campaign.openedPackage && <LocateMedia campaign={campaign} />}
        {campaign.openedPackage && <ExportBundleButton campaign={campaign} />}
        <button type="button" className="subtle" onClick={() => setHelp(true)} aria-keyshortcuts="?">
          {t('review.shortcuts.title')} <kbd>?</kbd>
        </button>
      </div>
      {judges.length === 0 ? (
        <EmptyState testId="empty-review" text={t('empty.review.text')} actionLabel={t('empty.review.action')} tab="exchange" />
      ) : (
        <div className="review-columns">
          <ReviewQueue campaignId={campaign.id} definition={campaign.definition} />
          <section className="review-preview" aria-label={t('review.preview')}>
            {review ? <EntryPreview key={review.entryId} state={review} definition={campaign.definition} /> : <p className="muted">{t('review.nothingSelected')}</p>}
          </section>
          {review && <ScorePanel key={review.entryId} review={review} definition={campaign.definition} timeZone={campaign.timeZone} />}
        </div>
      )}
      {help && <ShortcutSheet onClose={closeHelp} />}
    </div>
  );
}
