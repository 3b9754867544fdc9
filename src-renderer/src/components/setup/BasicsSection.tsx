// The programme's identity and calendar: its name in both languages, the edition year, the
// organizers, and the registration window. Times are entered as wall-clock time in the campaign's
// time zone (what the notice says: "12月25日18:00截止"), whatever zone this computer is in; moving
// the campaign to another zone keeps those wall-clock times.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { utcOffsetLabel } from '../../format';
import { moveDueDates } from './round-ops';
import type { SectionProps } from './draft-ops';
import { OrganizersEditor } from './OrganizersEditor';
import { NumberInput, TextPair } from './SetupControls';
import { fromWallTime, toWallTime } from './zoned-time';

/** Zones Chinese associations use, offered first; every other IANA zone follows. */
const COMMON_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'UTC'];

function zoneList(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, ...all])].filter((z) => !COMMON_ZONES.includes(z)).sort();
}

export function BasicsSection({ draft, update }: SectionProps) {
  const { t } = useTranslation();
  const tz = draft.timeZone;
  const zones = useMemo(() => zoneList(tz), [tz]);
  const moveZone = (next: string) =>
    update((d) => ({
      ...d,
      timeZone: next,
      opensAt: d.opensAt && fromWallTime(toWallTime(d.opensAt, d.timeZone), next),
      deadline: fromWallTime(toWallTime(d.deadline, d.timeZone), next) ?? d.deadline,
      lists: moveDueDates(d.lists, d.timeZone, next),
    }));
  return (
    <>
      <section className="panel" aria-labelledby="setup-basics-title">
        <h2 id="setup-basics-title">{t('setup.basics')}</h2>
        <div className="setup-grid">
          <label>{t('setup.name')}</label>
          <TextPair value={draft.name} onChange={(name) => update((d) => ({ ...d, name }))} testId="setup-name" />
          <label htmlFor="setup-edition-year">{t('setup.editionYear')}</label>
          <span className="inline-hint">
            <NumberInput id="setup-edition-year" nullable min={1900} max={2999} step={1} value={draft.editionYear} onChange={(editionYear) => update((d) => ({ ...d, editionYear }))} testId="setup-edition-year" />
            <span className="muted small">{t('setup.editionYearHint')}</span>
          </span>
          <label>{t('setup.campaignKind')}</label>
          <span className="muted">{t(`campaignKinds.${draft.kind}`)} · {t('setup.campaignKindFixed')}</span>
          <label>{t('overview.organizers')}</label>
          <OrganizersEditor organizers={draft.organizers} onChange={(organizers) => update((d) => ({ ...d, organizers }))} />
        </div>
      </section>

      <section className="panel" aria-labelledby="setup-window-title">
        <h2 id="setup-window-title">{t('setup.window')}</h2>
        <div className="setup-grid">
          <label htmlFor="setup-opens">{t('setup.opensAt')}</label>
          <span className="inline-hint">
            <input id="setup-opens" type="datetime-local" value={toWallTime(draft.opensAt, tz)} onChange={(e) => update((d) => ({ ...d, opensAt: fromWallTime(e.target.value, tz) }))} data-testid="setup-opens" />
            <span className="muted small">{t('setup.opensAtHint')}</span>
          </span>
          <label htmlFor="setup-deadline">{t('setup.deadline')}</label>
          <span className="inline-hint">
            <input id="setup-deadline" type="datetime-local" required value={toWallTime(draft.deadline, tz)} onChange={(e) => update((d) => ({ ...d, deadline: fromWallTime(e.target.value, tz) ?? d.deadline }))} data-testid="setup-deadline" />
            <span className="muted small">{t('setup.deadlineHint')}</span>
          </span>
          <label htmlFor="setup-tz">{t('overview.timeZone')}</label>
          <span className="inline-hint">
            <select id="setup-tz" value={tz} onChange={(e) => moveZone(e.target.value)} data-testid="setup-timezone">
              <optgroup label={t('setup.commonZones')}>
                {COMMON_ZONES.map((z) => (
                  <option key={z} value={z}>
                    {t(`setup.zones.${z.replace('/', '_')}`)} · {z}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('setup.otherZones')}>
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </optgroup>
            </select>
            <span className="muted small">{t('setup.timeZoneHint', { offset: utcOffsetLabel(draft.deadline, tz) })}</span>
          </span>
        </div>
      </section>
    </>
  );
}
