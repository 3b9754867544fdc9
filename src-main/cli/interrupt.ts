// Long CLI exports (certificates, letters, showcase, posters) stop cleanly on Ctrl+C: the signal is
// handed to the core job, which checks it between files and leaves nothing half-written; the
// handler is removed when the command ends, so a second Ctrl+C then ends the process as usual.
import type { i18n } from 'i18next';
import { UsageError } from './args';

export interface Interrupt {
  signal: AbortSignal;
  release(): void;
}

export function interruptOnCtrlC(): Interrupt {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  return { signal: controller.signal, release: () => void process.removeListener('SIGINT', onSignal) };
}

/** Options a command needs, each named as its usage writes it (`--campaign <id>`). */
export function requireOptions(values: Record<string, unknown>, required: readonly (readonly [string, string])[], t: i18n['t']): void {
  for (const [option, name] of required) {
    if (!values[option]) throw new UsageError(t('cli.missingOption', { option: name }));
  }
}
