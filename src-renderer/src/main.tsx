// The entry script: small on purpose. It sends the first paint's reads (first-reads.ts), then
// loads the app (boot.tsx: React, i18next, the query cache, the campaign list), so the reads and
// the app's code travel at the same time instead of one after the other. The styles stay here so
// index.html links them in its head (no unstyled flash).
import { sendFirstReads } from './first-reads';
import './styles.css';

const reads = sendFirstReads();
import('./boot').then(
  (app) => app.boot(reads),
  (error: unknown) => console.error('renderer: the app failed to load', error),
);
