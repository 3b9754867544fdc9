// Workbooks around a registration import (issue 16): the campaign's import template and the rows an
// import refused. The template's headers are the mapping targets' labels, so a filled-in template
// maps itself on import; its drop-down lists hold the words the importer reads (kind, category,
// "unit or individual", choice fields), kept on a second sheet that a list validation points to
// (Excel and WPS both honour a range on another sheet; an inline list is limited to 255 characters).
import ExcelJS from 'exceljs';
import { columnName, xlsxBuffer } from '../core/export/xlsx-stream';
import type { CampaignDefinition, ExportFile, Handlers, LocalizedText } from '../contract';
import { refusedRows } from '../core/intake/import-registrations';
import { mappingTargets, type Target } from '../core/intake/targets';
import type { AppContext } from './context';
import { saveExport } from './export-file';
import { importInput } from './import-input';
import { rowErrorText, targetLabels } from './row-error-text';
import { createNodeI18n } from './translate';

type IntakeFileChannels = 'intake:template' | 'intake:rejectedRows';
type Language = 'zh-CN' | 'en';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows the template's validations cover: more than any programme receives. */
const TEMPLATE_ROWS = 2000;

const say = (text: LocalizedText, language: Language) => (language === 'zh-CN' ? text['zh-CN'] : text.en);

/** The words a target's cells may hold, or null when it is free text. */
function allowedValues(def: CampaignDefinition, target: Target, language: Language, t: (key: string) => string): string[] | null {
  switch (target.key) {
    case 'sys.kind':
      return def.entryKinds.length > 1 ? def.entryKinds.map((k) => say(k.label, language)) : null;
    case 'sys.category':
      return [...new Set(def.entryKinds.flatMap((k) => k.categories.filter((c) => !c.retired).map((c) => say(c.label, language))))];
    case 'sys.entrantType':
      return [t('intake.template.unit'), t('intake.template.individual')];
    default:
      return target.field?.type === 'choice' ? (target.field.choices ?? []).map((c) => say(c.label, language)) : null;
  }
}

// The one XLSX made with exceljs rather than core/export/xlsx-stream.ts: its cells carry drop-down
// lists (data validation) of the allowed values, which the streamed writer does not write.
export async function importTemplateXlsx(def: CampaignDefinition, language: Language): Promise<Buffer> {
  const { t } = createNodeI18n(language);
  const targets = mappingTargets(def);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(t('intake.template.sheet'));
  const lists = book.addWorksheet(t('intake.template.listsSheet'));
  const header = sheet.addRow(targets.map((target) => `${say(target.label, language)}${target.required ? '*' : ''}`));
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  let listColumn = 0;
  targets.forEach((target, i) => {
    sheet.getColumn(i + 1).width = Math.max(12, say(target.label, language).length * (language === 'zh-CN' ? 2.2 : 1.2) + 4);
    const values = allowedValues(def, target, language, t);
    if (!values || values.length === 0) return;
    const letter = columnName(listColumn++);
    lists.getCell(`${letter}1`).value = say(target.label, language);
    values.forEach((v, r) => (lists.getCell(`${letter}${r + 2}`).value = v));
    const range = `'${t('intake.template.listsSheet')}'!$${letter}$2:$${letter}$${values.length + 1}`;
    for (let row = 2; row <= TEMPLATE_ROWS + 1; row++) {
      sheet.getCell(row, i + 1).dataValidation = {
        type: 'list',
        allowBlank: !target.required,
        formulae: [range],
        showErrorMessage: true,
        errorTitle: t('intake.template.notAllowedTitle'),
        error: t('intake.template.notAllowed', { values: values.join(t('intake.fieldListSeparator')) }),
      };
    }
  });
  lists.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function refusedRowsXlsx(headers: string[], rows: { row: number; cells: string[]; reasons: string[] }[], language: Language): Promise<Buffer> {
  const { t } = createNodeI18n(language);
  const head = [t('intake.rejectedFile.row'), ...headers, t('intake.rejectedFile.reason')];
  return xlsxBuffer((book) => {
    // The reason column wide; the others at Excel's default width (8.43 characters).
    const sheet = book.addSheet({ name: t('intake.rejectedFile.sheet'), widths: head.map((_, i) => (i === head.length - 1 ? 60 : 8.43)), frozenRows: 1 });
    sheet.addRow(head, 'bold');
    for (const r of rows) sheet.addRow([r.row, ...headers.map((_, i) => r.cells[i] ?? ''), r.reasons.join(language === 'zh-CN' ? ';' : '; ')]);
  });
}

/** A file name without characters Windows refuses. */
const safeName = (text: string) => text.replace(/[\\/:*?"<>|]+/g, '_').trim();

export function intakeFileHandlers(ctx: AppContext): Pick<Handlers, IntakeFileChannels> {
  return {
    'intake:template': async ({ campaignId, language }): Promise<ExportFile> => {
      const def = ctx.campaigns.definition(campaignId);
      const { t } = createNodeI18n(language);
      const name = safeName(t('intake.template.fileName', { campaign: say(def.name, language) }));
      return saveExport(ctx, `${name}.xlsx`, await importTemplateXlsx(def, language), XLSX_TYPE);
    },
    'intake:rejectedRows': async ({ campaignId, source, options, language }): Promise<ExportFile> => {
      const { t } = createNodeI18n(language);
      const refused = await refusedRows(ctx, campaignId, importInput(source, options));
      const labels = targetLabels(refused.targets, language);
      const rows = refused.rows.map((r) => ({ row: r.row, cells: r.cells, reasons: r.errors.map((e) => rowErrorText(t, labels, e)) }));
      const stem = source.fileName.replace(/\.[^.]+$/, '');
      const name = safeName(t('intake.rejectedFile.fileName', { file: stem }));
      return saveExport(ctx, `${name}.xlsx`, await refusedRowsXlsx(refused.headers, rows, language), XLSX_TYPE);
    },
  };
}
