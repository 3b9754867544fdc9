// Which module runs each `kepu` command. Each entry imports its command's module only when that
// command runs, so `kepu --help` and `kepu --version` never load the core, better-sqlite3, pdfkit or
// exceljs (issue 18: the CLI starts at once). In the built CLI (out/cli) every entry is its own chunk.
import type { i18n } from 'i18next';

export type CommandRunner = (argv: string[], t: i18n['t']) => Promise<number>;

export const COMMANDS: Readonly<Record<string, () => Promise<CommandRunner>>> = {
  serve: async () => (await import('./commands/serve')).runServe,
  demo: async () => (await import('./commands/campaign')).runDemo,
  campaign: async () => (await import('./commands/campaign')).runCampaign,
  template: async () => (await import('./commands/campaign')).runTemplate,
  probe: async () => (await import('./commands/probe')).runProbe,
  import: async () => (await import('./commands/import')).runImport,
  bundle: async () => (await import('./commands/bundle')).runBundle,
  rank: async () => (await import('./commands/rank')).runRank,
  certificates: async () => (await import('./commands/certificates')).runCertificates,
  certificate: async () => (await import('./commands/certificates')).runCertificates,
  audit: async () => (await import('./commands/audit')).runAudit,
  round: async () => (await import('./commands/round')).runRound,
  shortlist: async () => (await import('./commands/shortlist')).runShortlistFile,
  decision: async () => (await import('./commands/decision')).runDecision,
  judge: async () => (await import('./commands/judge')).runJudge,
  notice: async () => (await import('./commands/notice')).runNotice,
  objection: async () => (await import('./commands/notice')).runObjection,
  scores: async () => (await import('./commands/scores')).runScores,
  identity: async () => (await import('./commands/identity')).runIdentity,
  roster: async () => (await import('./commands/roster')).runRoster,
  letters: async () => (await import('./commands/letters')).runLetters,
  showcase: async () => (await import('./commands/showcase')).runShowcase,
  posters: async () => (await import('./commands/showcase')).runPosters,
  backup: async () => (await import('./commands/backup')).runBackup,
};

/** The runner for `command`, or undefined for an unknown one (own keys only: `kepu toString` is unknown). */
export function commandLoader(command: string): (() => Promise<CommandRunner>) | undefined {
  return Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
}
