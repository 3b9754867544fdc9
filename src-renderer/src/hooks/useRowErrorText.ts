// Turns a row problem into a sentence in the current language, naming the field as the campaign
// calls it (not the internal key).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { MappingTarget, RowError } from '../../../src-main/contract';
import { localized } from '../format';

export function useRowErrorText(targets: MappingTarget[]) {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: RowError) => {
      const label = (key: string) => {
        const target = targets.find((x) => x.key === key);
        return target ? localized(target.label, i18n.language) : key;
      };
      // A problem about several fields (a completeness rule) names them all.
      const fields = (error.targets ?? []).map((key) => t('intake.fieldList', { label: label(key) })).join(t('intake.fieldListSeparator'));
      return t(`intake.rowErrors.${error.code}`, { field: label(error.target), value: error.value, fields });
    },
    [targets, t, i18n.language],
  );
}
