// The reminder a coordinator pastes into WeChat, SMS or an e-mail: in the language chosen for the
// judge (not the app's), naming what is missing, how far the judge is, and the round's due date in
// the campaign's zone. Kept apart from the panel so its words are tested on their own.
import type { TFunction } from 'i18next';
import type { JudgeProgress, LocalizedText, RoundProgress } from '../../../../src-main/contract';
import { formatInstant, localized } from '../../format';

export type ReminderLanguage = 'zh-CN' | 'en';

/** True when the judge owes reviews in the round (a reminder means something). */
export function owes(judge: JudgeProgress): boolean {
  return judge.missing > 0;
}

export function reminderText(t: TFunction, language: ReminderLanguage, campaign: LocalizedText, round: RoundProgress, judge: JudgeProgress, timeZone: string): string {
  const roundName = round.roundName ? localized(round.roundName, language) : round.listName && round.list !== null ? localized(round.listName, language) : '';
  return t('progress.reminder.text', {
    lng: language,
    name: judge.name,
    campaign: localized(campaign, language),
    round: roundName ? t('progress.reminder.round', { lng: language, round: roundName }) : '',
    missing: judge.missing,
    count: judge.missing,
    complete: judge.complete,
    owed: judge.assigned - judge.conflicts,
    due: round.dueAt ? t(judge.overdue ? 'progress.reminder.overdue' : 'progress.reminder.due', { lng: language, at: formatInstant(round.dueAt, timeZone) }) : '',
  });
}

/** Every owing judge's reminder of the round, one paragraph each (for "copy all"). */
export function allReminders(t: TFunction, language: ReminderLanguage, campaign: LocalizedText, rounds: readonly RoundProgress[], timeZone: string): string {
  return rounds
    .flatMap((round) => round.judges.filter(owes).map((judge) => reminderText(t, language, campaign, round, judge, timeZone)))
    .join('\n\n');
}
