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
      const target = targets.find((x) => x.key === error.target);
      return t(`intake.rowErrors.${error.code}`, { field: target ? localized(target.label, i18n.language) : error.target, value: error.value });
    },
    [targets, t, i18n.language],
  );
}
