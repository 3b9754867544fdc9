// `kepu`: the command line over the same handlers as the UI.
// Exit codes: 0 ok, 1 the input had problems (reported), 2 usage error. Every failure is reported
// once, with its error code, in failure.ts (one JSON object on stdout with --json).
import path from 'node:path';
import { APP_VERSION } from '../app/version';
import { defaultDataDir } from '../app/paths';
import { UsageError } from './args';
import { dataDirOption, EXIT_OK, EXIT_USAGE, reportFailure, wantsJson } from './failure';
import { commandLoader } from './command-table';

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Before i18next and the locale files are even loaded: the version is the same in every language.
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${APP_VERSION}\n`);
    return EXIT_OK;
  }
  // Only the language the command speaks: the other locale file loads only where a command writes
  // both (exports, ranking flags), through app/translate.ts.
  const { loadNodeI18n, nodeLanguage } = await import('../app/i18n-setup');
  const i18n = await loadNodeI18n(nodeLanguage());
  const t = i18n.t.bind(i18n);
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(`${t('cli.help', { version: APP_VERSION })}\n`);
        return command === undefined ? EXIT_USAGE : EXIT_OK;
      default: {
        const load = commandLoader(command);
        if (!load) throw new UsageError(t('cli.unknownCommand', { command }));
        if (command !== 'serve') await import('./one-shot-zod');
        const run = await load();
        return await run(rest, t);
      }
    }
  } catch (error) {
    const given = dataDirOption(rest);
    return reportFailure(error, t, { json: wantsJson(rest), dataDir: given ? path.resolve(given) : defaultDataDir() });
  }
}
