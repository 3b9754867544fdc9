// `kepu`: the command line over the same handlers as the UI.
// Exit codes: 0 ok, 1 the input had problems (reported), 2 usage error.
import { isKepuError } from '../core/errors';
import { APP_VERSION } from '../app/version';
import { UsageError } from './args';
import { nodeLanguage, createNodeI18n, translateError } from '../app/translate';
import { InputProblem } from './runtime';
import { runCampaign, runDemo, runTemplate } from './commands/campaign';
import { runProbe } from './commands/probe';
import { runServe } from './commands/serve';
import { runImport } from './commands/import';
import { runBundle } from './commands/bundle';
import { runRank } from './commands/rank';
import { runCertificates } from './commands/certificates';

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

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
      default:
        throw new UsageError(t('cli.unknownCommand', { command }));
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`kepu: ${error.message}\n${t('cli.seeHelp')}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof InputProblem) {
      process.stderr.write(`kepu: ${error.message}\n`);
      return EXIT_INPUT;
    }
    if (isKepuError(error)) {
      process.stderr.write(`kepu: ${translateError(t, error.toBody())}\n`);
      return EXIT_INPUT;
    }
    throw error;
  }
}
