// The committee members' roster across campaigns (issue 17): the list with statuses, recording a
// member's activity, and the XLSX export (`kepu roster export` writes the same file).
import { xlsxBuffer } from '../core/export/xlsx-stream';
import type { ExportFile, Handlers, RosterMember } from '../contract';
import { memberActivities } from '../contract/roster';
import { addActivity, memberRoster } from '../core/certificates/member-roster';
import { certificateWording } from './certificate-handlers';
import type { AppContext } from './context';
import { saveExport } from './export-file';
import { createNodeI18n } from './translate';

type RosterChannels = 'roster:list' | 'roster:addActivity' | 'roster:export';

/** The roster as an XLSX workbook: one row per member, each activity kind counted. */
export async function rosterXlsx(members: readonly RosterMember[], language: 'zh-CN' | 'en'): Promise<Buffer> {
  const t = createNodeI18n(language).t;
  const header = [
    t('roster.columns.campaign'),
    t('roster.columns.regNo'),
    t('roster.columns.name'),
    t('roster.columns.unit'),
    t('roster.columns.status'),
    t('roster.columns.serial'),
    t('roster.columns.issueDate'),
    t('roster.columns.validUntil'),
    t('roster.columns.renews'),
    t('roster.columns.missingSteps'),
    ...memberActivities.map((a) => t(`roster.activity.${a}`)),
  ];
  return xlsxBuffer((workbook) => {
  const sheet = workbook.addSheet({ name: t('roster.sheet'), widths: header.map((_, i) => (i < 4 ? 24 : 14)), frozenRows: 1 });
  sheet.addRow(header, 'bold');
  for (const m of members) {
    sheet.addRow([
      m.campaignName[language],
      m.regNo,
      m.name,
      m.unit ?? '',
      t(`roster.status.${m.status}`),
      m.certificate?.serial ?? '',
      m.certificate?.issueDate ?? '',
      m.certificate?.validUntil ?? '',
      m.certificate?.renews ?? '',
      m.missingSteps,
      ...memberActivities.map((a) => m.activities.filter((x) => x.activity === a).length),
    ]);
  }
  });
}

export function rosterHandlers(ctx: AppContext): Pick<Handlers, RosterChannels> {
  const wording = certificateWording();
  return {
    'roster:list': ({ expiringDays, status }) => ({ ...memberRoster(ctx.db, wording, { expiringDays, status }), expiringDays }),
    'roster:addActivity': (input) => addActivity(ctx.db, wording, input, ctx.identity.status().name ?? 'local'),
    'roster:export': async ({ expiringDays, status, language }): Promise<ExportFile> => {
      const { today, members } = memberRoster(ctx.db, wording, { expiringDays, status });
      const bytes = await rosterXlsx(members, language);
      return saveExport(ctx, `committee-roster-${today}.xlsx`, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    },
  };
}
