// A refused or flagged registration row's problems in words, for the CLI's report and the rejected
// rows workbook (the renderer has the same in hooks/useRowErrorText). Field names are the
// campaign's labels in the reader's language.
import type { TFunction } from 'i18next';
import type { LocalizedText, RowError } from '../contract';

export type TargetLabels = Map<string, string>;

export function targetLabels(targets: readonly { key: string; label: LocalizedText }[], language: string): TargetLabels {
  return new Map(targets.map((target) => [target.key, language === 'zh-CN' ? target.label['zh-CN'] : target.label.en]));
}

export function rowErrorText(t: TFunction, labels: TargetLabels, error: RowError): string {
  const fields = (error.targets ?? []).map((key) => t('intake.fieldList', { label: labels.get(key) ?? key })).join(t('intake.fieldListSeparator'));
  return t(`intake.rowErrors.${error.code}`, { field: labels.get(error.target) ?? error.target, value: error.value, fields });
}
