// The Certificates tab (print staff): settings and images, the published lists with preview and
// batch export, the register of issued certificates, and verification.
import { useState } from 'react';
import type { CampaignDetail } from '../../../../src-main/contract';
import { CertificateListsPanel } from './CertificateListsPanel';
import { CertificateSettingsPanel } from './CertificateSettingsPanel';
import { IssuedCertificates } from './IssuedCertificates';
import { VerifyCertificate } from './VerifyCertificate';
import './certificates.css';

export function CertificatesView({ campaign, onOpenRanking }: { campaign: CampaignDetail; onOpenRanking?(): void }) {
  const [version, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);
  return (
    <div className="certificates-view" data-testid="certificates-view">
      <CertificateListsPanel campaign={campaign} version={version} onExported={bump} onOpenRanking={onOpenRanking} />
      <CertificateSettingsPanel campaign={campaign} onChanged={bump} />
      <IssuedCertificates campaign={campaign} version={version} onChanged={bump} />
      <VerifyCertificate />
    </div>
  );
}
