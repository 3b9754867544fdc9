// Entry point of the `kepu` command (bin/kepu.mjs loads this through tsx).
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
