// Progress of a long export on the terminal: "done / total" rewritten in place at most four times
// a second, only when stderr is a terminal (a script's redirected stderr gets no carriage returns).
import type { i18n } from 'i18next';

export function ttyProgress(t: i18n['t']): { onProgress(done: number, total: number): void; end(): void } {
  let shown = 0;
  return {
    onProgress(done, total) {
      if (process.stderr.isTTY && (done === total || Date.now() - shown > 250)) {
        shown = Date.now();
        process.stderr.write(`\r${t('cli.certificates.progress', { done, total })}`);
      }
    },
    end() {
      if (process.stderr.isTTY) process.stderr.write('\n');
    },
  };
}
