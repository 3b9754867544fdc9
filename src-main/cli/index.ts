// Entry point of the `kepu` command (bin/kepu.mjs loads this through tsx).
import { main } from './main';

// `kepu rank … | head`: a closed pipe is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
