// `kepu`: the command line over the same handlers as the UI.
// Exit codes: 0 ok, 1 the input had problems (reported), 2 usage error. Every failure is reported
// once, with its error code, in failure.ts (one JSON object on stdout with --json).
import path from 'node:path';
import { APP_VERSION } from '../app/version';
import { defaultDataDir } from '../app/paths';
import { UsageError } from './args';
import { nodeLanguage, createNodeI18n } from '../app/translate';
import { dataDirOption, EXIT_OK, EXIT_USAGE, reportFailure, wantsJson } from './failure';
import { runCampaign, runDemo, runTemplate } from './commands/campaign';
import { runProbe } from './commands/probe';
import { runServe } from './commands/serve';
import { runImport } from './commands/import';
import { runBundle } from './commands/bundle';
import { runRank } from './commands/rank';
import { runCertificates } from './commands/certificates';
import { runAudit } from './commands/audit';
import { runRound } from './commands/round';
import { runShortlistFile } from './commands/shortlist';
import { runDecision } from './commands/decision';
import { runJudge } from './commands/judge';
import { runLetters } from './commands/letters';
import { runPosters, runShowcase } from './commands/showcase';
import { runNotice, runObjection } from './commands/notice';
import { runScores } from './commands/scores';
import { runIdentity } from './commands/identity';
import { runRoster } from './commands/roster';
import { runBackup } from './commands/backup';

export async function main(argv: string[]): Promise<number> {
  const i18n = createNodeI18n(nodeLanguage());
  const t = i18n.t.bind(i18n);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(`${t('cli.help', { version: APP_VERSION })}\n`);
        return command === undefined ? EXIT_USAGE : EXIT_OK;
      case '--version':
      case '-v':
        process.stdout.write(`${APP_VERSION}\n`);
        return EXIT_OK;
      case 'serve':
        return await runServe(rest, t);
      case 'demo':
        return await runDemo(rest, t);
      case 'campaign':
        return await runCampaign(rest, t);
      case 'template':
        return await runTemplate(rest, t);
      case 'probe':
        return await runProbe(rest, t);
      case 'import':
        return await runImport(rest, t);
      case 'bundle':
        return await runBundle(rest, t);
      case 'rank':
        return await runRank(rest, t);
      case 'certificates':
      case 'certificate':
        return await runCertificates(rest, t);
      case 'audit':
        return await runAudit(rest, t);
      case 'round':
        return await runRound(rest, t);
      case 'shortlist':
        return await runShortlistFile(rest, t);
      case 'decision':
        return await runDecision(rest, t);
      case 'judge':
        return await runJudge(rest, t);
      case 'notice':
        return await runNotice(rest, t);
      case 'objection':
        return await runObjection(rest, t);
      case 'scores':
        return await runScores(rest, t);
      case 'identity':
        return await runIdentity(rest, t);
      case 'roster':
        return await runRoster(rest, t);
      case 'letters':
        return await runLetters(rest, t);
      case 'showcase':
        return await runShowcase(rest, t);
      case 'posters':
        return await runPosters(rest, t);
      case 'backup':
        return await runBackup(rest, t);
      default:
        throw new UsageError(t('cli.unknownCommand', { command }));
    }
  } catch (error) {
    const given = dataDirOption(rest);
    return reportFailure(error, t, { json: wantsJson(rest), dataDir: given ? path.resolve(given) : defaultDataDir() });
  }
}
