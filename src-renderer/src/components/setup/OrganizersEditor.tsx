// The organizers as the notice lists them, in that order, each with its role
// (主办 host · 承办 organizer · 协办 co-organizer · 支持 supporter · 媒体支持 media partner).
import { useTranslation } from 'react-i18next';
import type { Organizer, OrganizerRole } from '../../../../src-main/contract';
import { organizerRoles } from '../../../../src-main/contract/definition-terms';
import { localized } from '../../format';
import { move, removeAt, replaceAt } from './draft-keys';
import { emptyText } from './draft-ops';
import { OrderButtons, TextPair } from './SetupControls';

export function OrganizersEditor({ organizers, onChange }: { organizers: Organizer[]; onChange(next: Organizer[]): void }) {
  const { t, i18n } = useTranslation();
  const set = (i: number, patch: Partial<Organizer>) => onChange(replaceAt(organizers, i, { ...organizers[i], ...patch }));
  return (
    <div className="setup-list" data-testid="setup-organizers">
      {organizers.map((o, i) => {
        const name = localized(o.name, i18n.language) || t('setup.organizerN', { n: i + 1 });
        return (
          <div key={i} className="setup-row organizer-row">
            <OrderButtons index={i} count={organizers.length} label={name} onMove={(d) => onChange(move(organizers, i, d))} />
            <select value={o.role} aria-label={t('setup.organizerRole')} onChange={(e) => set(i, { role: e.target.value as OrganizerRole })} data-testid={`setup-organizer-role-${i}`}>
              {organizerRoles.map((r) => (
                <option key={r} value={r}>
                  {t(`organizerRoles.${r}`)}
                </option>
              ))}
            </select>
            <TextPair value={o.name} onChange={(v) => set(i, { name: v })} testId={`setup-organizer-${i}`} />
            <button type="button" className="subtle" disabled={organizers.length === 1} title={organizers.length === 1 ? t('setup.organizerLast') : undefined} onClick={() => onChange(removeAt(organizers, i))} data-testid={`setup-organizer-remove-${i}`}>
              {t('setup.remove')}
            </button>
          </div>
        );
      })}
      <button type="button" className="subtle add" onClick={() => onChange([...organizers, { name: emptyText(), role: 'co_organizer' }])} data-testid="setup-add-organizer">
        + {t('setup.addOrganizer')}
      </button>
    </div>
  );
}
