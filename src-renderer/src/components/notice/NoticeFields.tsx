// Form fields the notice is made and changed with, shared by its creation form and its period and
// export row (NoticeView): the period's start and end as campaign-zone datetime-local inputs, and
// the language(s) a notice is written in.
import { useTranslation } from 'react-i18next';
import type { NoticeLanguage } from '../../../../src-main/contract';

const NOTICE_LANGUAGES: NoticeLanguage[] = ['both', 'zh', 'en'];

/** Start and end inputs ("YYYY-MM-DDTHH:mm"); test ids `<testIdPrefix>-start` / `-end`. */
export function NoticePeriodFields(props: { start: string; end: string; onStart(value: string): void; onEnd(value: string): void; testIdPrefix: string }) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('notice.create.start')}
        <input type="datetime-local" value={props.start} onChange={(e) => props.onStart(e.target.value)} data-testid={`${props.testIdPrefix}-start`} />
      </label>
      <label>
        {t('notice.create.end')}
        <input type="datetime-local" value={props.end} onChange={(e) => props.onEnd(e.target.value)} data-testid={`${props.testIdPrefix}-end`} />
      </label>
    </>
  );
}

/** A labelled choice of the notice's language(s). */
export function NoticeLanguageSelect(props: { label: string; value: NoticeLanguage; onChange(value: NoticeLanguage): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value as NoticeLanguage)} data-testid={props.testId}>
        {NOTICE_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`notice.languages.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
