// What the Versions section says about one saved version of the definition: number, when (in the
// campaign's time zone), by whom and why, and for an explicit new version the coordinator's
// statement and what it set aside ("Dimension “Creativity” removed: 12 scores kept, not counted").
// Pure (no React), so tests read exactly what the coordinator reads; keys and the stored actor id
// "local" never appear as such.
import type { TFunction } from 'i18next';
import type { DefinitionVersionView } from '../../../../src-main/contract';
import { formatInstant, localized } from '../../format';

export interface VersionText {
  /** "Version 2 · 2026-12-02 10:15 (UTC+8) · this computer · rubric changed". */
  line: string;
  /** The recorded statement of an explicit new version, or null. */
  statement: string | null;
  /** One sentence per dimension or eligibility item the version set aside. */
  affected: string[];
}

export function versionText(v: DefinitionVersionView, timeZone: string, t: TFunction, lang: string): VersionText {
  const actor = v.actor === 'local' ? t('setup.thisComputer') : v.actor;
  const reason = v.reason === 'created' ? t('setup.created') : v.reason.trim() || '—';
  const line = t('setup.versionLine', { version: v.version, at: formatInstant(v.savedAt, timeZone), actor, reason });
  const affected = v.affected
    ? [
        ...v.affected.removedDimensions.map((d) => t('setup.versionDimensionSetAside', { count: d.scores, label: localized(d.label, lang) })),
        ...v.affected.removedItems.map((i) => t('setup.versionItemSetAside', { count: i.answers, label: localized(i.label, lang) })),
      ]
    : [];
  return { line, statement: v.statement, affected };
}
