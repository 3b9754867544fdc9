// The views and campaign tabs, each loaded when first shown (issue 18: the first paint — the
// campaign list — must not wait for the code of every screen). Each becomes its own chunk in the
// build; the certificate preview's chunk is the only one that names the embedded font files, so
// the 10 MB fonts are fetched only when a preview opens (CertificateDrawingSvg).
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { loadAllLanguages } from '../i18n';

/**
 * React.lazy for a module's named export (our components are named, not default, exports). The
 * view also waits for both languages' texts (i18n.ts): only the campaign list renders with one.
 */
function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  return lazy(async () => {
    const [module] = await Promise.all([load(), loadAllLanguages()]);
    return { default: module[name] as ComponentType<unknown> };
  }) as M[K];
}

export const CampaignView = lazyNamed(() => import('./CampaignView'), 'CampaignView');
export const SettingsView = lazyNamed(() => import('./SettingsView'), 'SettingsView');
export const VerifyCertificate = lazyNamed(() => import('./certificates/VerifyCertificate'), 'VerifyCertificate');
export const RosterView = lazyNamed(() => import('./roster/RosterView'), 'RosterView');

export const CampaignOverview = lazyNamed(() => import('./CampaignOverview'), 'CampaignOverview');
export const RoundsStrip = lazyNamed(() => import('./rounds/RoundsStrip'), 'RoundsStrip');
export const SetupView = lazyNamed(() => import('./setup/SetupView'), 'SetupView');
export const AuditView = lazyNamed(() => import('./audit/AuditView'), 'AuditView');
export const FormalCheckView = lazyNamed(() => import('./formal/FormalCheckView'), 'FormalCheckView');
export const EntryBrowser = lazyNamed(() => import('./EntryBrowser'), 'EntryBrowser');
export const ReviewWorkspace = lazyNamed(() => import('./review/ReviewWorkspace'), 'ReviewWorkspace');
export const ExchangeView = lazyNamed(() => import('./exchange/ExchangeView'), 'ExchangeView');
export const RankingView = lazyNamed(() => import('./ranking/RankingView'), 'RankingView');
export const NoticeView = lazyNamed(() => import('./notice/NoticeView'), 'NoticeView');
export const CertificatesView = lazyNamed(() => import('./certificates/CertificatesView'), 'CertificatesView');
export const MediaView = lazyNamed(() => import('./MediaView'), 'MediaView');
export const ImportView = lazyNamed(() => import('./ImportView'), 'ImportView');

/** Shown for the moment a view's chunk loads (from the app's own files: usually one frame). */
export function ViewSuspense({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<p className="muted" data-testid="view-loading">{t('common.loading')}</p>}>{children}</Suspense>;
}
