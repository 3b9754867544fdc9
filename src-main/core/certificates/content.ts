// What a certificate says, in both languages, from a list holder, the campaign and the settings.
// The words come from the locale files (certificates.print.*) through a `Wording` function the
// app layer supplies (core does not load translations itself), so certificates, UI and CLI
// share one set of translations.
import type { CertificateSettings, ListType } from '../../contract/certificates';
import type { LocalizedText } from '../../contract/domain';
import type { CertificateContent } from './layout';
import type { CampaignFacts, Holder, ListInfo } from './lists';
import { checkOfCode, groupedCheck } from './short-code';

export type Wording = (language: 'zh-CN' | 'en', key: string, vars?: Record<string, string>) => string;

function both(wording: Wording, key: string, vars: (lang: 'zh-CN' | 'en') => Record<string, string> = () => ({})): LocalizedText {
  return { 'zh-CN': wording('zh-CN', key, vars('zh-CN')), en: wording('en', key, vars('en')) };
}

/** The award or role sentence for a holder, as stored with the certificate at issue. */
export function bodyText(wording: Wording, campaign: CampaignFacts, list: Pick<ListInfo, 'type'>, holder: Holder): LocalizedText {
  const name = campaign.definition.name;
  if (list.type === 'award' && holder.award) {
    const a = holder.award;
    const key = a.kind === 'work' ? 'certificates.print.body.awardWork' : 'certificates.print.body.awardOther';
    return both(wording, key, (lang) => ({ campaign: name[lang], category: a.category[lang], tier: a.tier[lang], work: a.title }));
  }
  return both(wording, `certificates.print.body.${list.type}`, (lang) => ({ campaign: name[lang] }));
}

export function titleText(wording: Wording, settings: CertificateSettings, type: ListType): LocalizedText {
  return settings.titles[type] ?? both(wording, `certificates.print.title.${type}`);
}

export interface IssuedFacts {
  serial: string;
  code: string;
  issueDate: string;
  validUntil: string | null;
  holderName: string;
  holderUnit: string | null;
  body: LocalizedText;
}

export function certificateContent(
  wording: Wording,
  campaign: CampaignFacts,
  settings: CertificateSettings,
  type: ListType,
  issued: IssuedFacts,
  images: CertificateContent['images'],
): CertificateContent {
  return {
    type,
    organizers: campaign.definition.organizers.map((o) => o.name),
    title: titleText(wording, settings, type),
    holderName: issued.holderName,
    holderUnit: issued.holderUnit,
    body: issued.body,
    signer: settings.signerLine ?? campaign.definition.organizers[0].name,
    issueDate: issued.issueDate,
    validUntil: issued.validUntil,
    serial: issued.serial,
    code: issued.code,
    check: groupedCheck(checkOfCode(issued.code)),
    labels: {
      serial: both(wording, 'certificates.print.serial'),
      check: both(wording, 'certificates.print.check'),
      validUntil: both(wording, 'certificates.print.validUntil'),
      verify: both(wording, 'certificates.print.verifyHint'),
    },
    images,
  };
}
