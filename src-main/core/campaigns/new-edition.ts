// "New edition from this campaign": next year's programme starts from this one's definition (not
// its entries, judges or scores), with the years in its names and dates moved on, so a 2024
// edition is not called "2023 …". Only four-digit years 1900–2099 standing alone are moved.
// The notice's attachment files are copied along with it (campaign-with-files.ts).
import type { CampaignDefinition, LocalizedText } from '../../contract';

const YEAR_RE = /(?<!\d)(19|20)\d{2}(?!\d)/g;

function shiftText(text: string, years: number): string {
  return text.replace(YEAR_RE, (y) => String(Number(y) + years));
}

function shiftLocalized(text: LocalizedText, years: number): LocalizedText {
  return { 'zh-CN': shiftText(text['zh-CN'], years), en: shiftText(text.en, years) };
}

/** An instant written with its offset ("2023-12-25T18:00:00+08:00"), the same wall time `years` later. */
function shiftInstant(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) + years;
  let shifted = `${String(year).padStart(4, '0')}${iso.slice(4)}`;
  // 29 February in a year without it becomes 28 February.
  if (shifted.slice(5, 10) === '02-29' && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) shifted = `${shifted.slice(0, 8)}28${shifted.slice(10)}`;
  return shifted;
}

export function nextEdition(def: CampaignDefinition, years: number): CampaignDefinition {
  return {
    ...def,
    name: shiftLocalized(def.name, years),
    opensAt: def.opensAt ? shiftInstant(def.opensAt, years) : null,
    deadline: shiftInstant(def.deadline, years),
  };
}
