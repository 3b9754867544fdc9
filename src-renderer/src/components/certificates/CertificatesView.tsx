// The Certificates tab (print staff): settings and images, the published lists with preview and
// batch export, the result letters to entrants (issue 19), announcing results (showcase, posters: issue 17), the register of issued certificates,
// and verification.
import type { CampaignDetail } from '../../../../src-main/contract';
import { invalidateCampaign } from '../../queries';
import { CertificateListsPanel } from './CertificateListsPanel';
import { CertificateSettingsPanel } from './CertificateSettingsPanel';
import { IssuedCertificates } from './IssuedCertificates';
import { MembershipPanel } from './MembershipPanel';
import { ResultLettersPanel } from './ResultLettersPanel';
import { ShowcasePanel } from './ShowcasePanel';
import { VerifyCertificate } from './VerifyCertificate';
import './certificates.css';

export function CertificatesView({ campaign, onOpenRanking }: { campaign: CampaignDetail; onOpenRanking?(): void }) {
  // A setting saved, an export finished, a certificate reissued or revoked: the lists, the open
  // preview and the register read again (each panel keeps its filters and its open preview).
  const changed = () => void invalidateCampaign(campaign.id);
  return (
    <div className="certificates-view" data-testid="certificates-view">
      <CertificateListsPanel campaign={campaign} onExported={changed} onOpenRanking={onOpenRanking} />
      <MembershipPanel campaign={campaign} />
      <ResultLettersPanel campaign={campaign} />
      <ShowcasePanel campaign={campaign} />
      <CertificateSettingsPanel campaign={campaign} onChanged={changed} />
      <IssuedCertificates campaign={campaign} onChanged={changed} />
      <VerifyCertificate />
    </div>
  );
}
