// Runs offline-judge-work.ts through tsx (see offline-judges.ts); the answer is the last stdout line.
import { register } from 'tsx/esm/api';

register();
const { runOfflineJudges } = await import('./offline-judge-work.ts');
process.stdout.write(`\n${JSON.stringify(await runOfflineJudges(JSON.parse(process.argv[2])))}\n`);
