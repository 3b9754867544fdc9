// The words of a result letter and of its e-mail, per language, from the locale files through a
// Wording function (the app passes its translators in, as certificates do: core reads no locale).
// A bilingual letter is the Chinese text, then the English; the shared feedback is printed once,
// after both, in the judges' own words (they wrote in whichever language they wrote).
import type { Wording } from '../certificates/content';
import type { LetterFacts } from './letter-facts';

export type LetterLanguageChoice = 'zh-CN' | 'en' | 'both';
type Lang = 'zh-CN' | 'en';

export interface LetterSection {
  language: Lang;
  heading: string;
  paragraphs: string[];
}

export interface LetterText {
  title: string;
  organizers: string;
  sections: LetterSection[];
  feedbackHeading: string;
  feedback: string[];
  contact: string | null;
}

/** The languages a letter is written in: the choice, else the entrant's own, else both. */
export function languagesOf(facts: LetterFacts, choice: LetterLanguageChoice | undefined): Lang[] {
  const chosen = choice ?? facts.language ?? 'both';
  return chosen === 'both' ? ['zh-CN', 'en'] : [chosen];
}

const joiner = (lang: Lang) => (lang === 'zh-CN' ? '、' : ', ');

function outcomeSentence(w: Wording, lang: Lang, facts: LetterFacts): string {
  const o = facts.outcome;
  switch (o.kind) {
    case 'award':
      return w(lang, 'letters.print.outcome.award', { tier: o.tier[lang] || o.tier['zh-CN'] });
    case 'disqualified':
    case 'withdrawn':
      return w(lang, `letters.print.outcome.${o.kind}`, { reason: o.reason });
    default:
      return w(lang, `letters.print.outcome.${o.kind}`);
  }
}

export function letterText(w: Wording, facts: LetterFacts, languages: Lang[]): LetterText {
  const both = (key: string, vars: (lang: Lang) => Record<string, string> = () => ({})) => languages.map((lang) => w(lang, key, vars(lang))).join(' / ');
  const campaign = (lang: Lang) => facts.campaignName[lang] || facts.campaignName['zh-CN'];
  const sections = languages.map((lang): LetterSection => {
    const paragraphs = [
      w(lang, 'letters.print.entry', { campaign: campaign(lang), regNo: facts.regNo, title: facts.title, category: facts.category[lang] || facts.category['zh-CN'] }),
      outcomeSentence(w, lang, facts),
    ];
    if (facts.scoreBand) paragraphs.push(w(lang, `letters.print.band.${facts.scoreBand}`));
    if (facts.feedback.length > 0) paragraphs.push(w(lang, 'letters.print.feedbackFollows'));
    paragraphs.push(w(lang, 'letters.print.thanks'));
    return { language: lang, heading: w(lang, 'letters.print.dear', { name: facts.entrantName }), paragraphs };
  });
  const contact = facts.contact && (facts.contact.person || facts.contact.phone || facts.contact.email)
    ? both('letters.print.contact', () => ({ contact: [facts.contact?.person, facts.contact?.phone, facts.contact?.email].filter(Boolean).join(' · ') }))
    : null;
  return {
    title: languages.map((lang) => w(lang, 'letters.print.title', { campaign: campaign(lang) })).join('\n'),
    organizers: languages.map((lang) => w(lang, 'letters.print.organizers', { names: facts.organizers.map((o) => o.name[lang] || o.name['zh-CN']).join(joiner(lang)) })).join('\n'),
    sections,
    feedbackHeading: both('letters.print.feedbackHeading'),
    // The colon of the language the label ends in: "评委 A：…" alone, "评委 A / Judge A: …" in both.
    feedback: facts.feedback.map((f) => w(languages[languages.length - 1], 'common.labelled', { label: both('letters.print.judge', () => ({ label: f.label })), value: f.text })),
    contact,
  };
}

/** The e-mail's subject and plain-text body in the letter's language(s). */
export function mailText(w: Wording, facts: LetterFacts, languages: Lang[], attachment: string): { subject: string; body: string } {
  const campaign = (lang: Lang) => facts.campaignName[lang] || facts.campaignName['zh-CN'];
  const organizers = (lang: Lang) => facts.organizers.map((o) => o.name[lang] || o.name['zh-CN']).join(joiner(lang));
  return {
    subject: languages.map((lang) => w(lang, 'letters.mail.subject', { campaign: campaign(lang), regNo: facts.regNo })).join(' / '),
    body: languages
      .map((lang) => w(lang, 'letters.mail.body', { name: facts.entrantName, campaign: campaign(lang), regNo: facts.regNo, title: facts.title, attachment, organizers: organizers(lang) }))
      .join('\n\n———\n\n'),
  };
}
