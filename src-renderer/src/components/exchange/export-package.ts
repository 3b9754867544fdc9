// Exporting a judge's review package, with the one question the core can ask first: a package whose
// media exceed what a FAT32 USB stick holds in one file (PACKAGE_OVER_4GIB, refused before anything
// is written) is offered without media (the judge finds the media on the stick by hash), or written
// anyway for a stick formatted exFAT or NTFS.
import type { TFunction } from 'i18next';
import type { ResponseOf } from '../../../../src-main/contract';
import { ApiError, invoke } from '../../api';
import type { ConfirmQuestion } from '../../stores/useConfirmStore';

export type PackageExport = ResponseOf<'package:export'>;

/** The package, or undefined when the person cancelled; other failures are thrown as they came. */
export async function exportPackageAsking(
  request: { campaignId: string; judgeId: string; withMedia: boolean },
  ask: (question: ConfirmQuestion) => Promise<boolean>,
  t: TFunction,
): Promise<PackageExport | undefined> {
  try {
    return await invoke('package:export', request);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'PACKAGE_OVER_4GIB') throw error;
    const sizeGiB = String(error.params?.sizeGiB ?? '');
    const cancelLabel = t('common.cancelAction');
    const title = t('exchange.over4GiB.title');
    if (await ask({ title, body: t('errors.PACKAGE_OVER_4GIB', { sizeGiB }), confirmLabel: t('exchange.over4GiB.withoutMedia'), cancelLabel })) {
      return invoke('package:export', { ...request, withMedia: false });
    }
    if (await ask({ title, body: t('exchange.over4GiB.anywayBody', { sizeGiB }), confirmLabel: t('exchange.over4GiB.anyway'), cancelLabel, danger: true })) {
      return invoke('package:export', { ...request, allowOver4GiB: true });
    }
    return undefined;
  }
}
