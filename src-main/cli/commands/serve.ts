// kepu serve: the browser shell on 127.0.0.1 with a per-run token, until Ctrl+C.
import type { i18n } from 'i18next';
import { defaultRendererDir } from '../../app/paths';
import { startHost } from '../../host/server';
import { parseCommand, UsageError } from '../args';
import { here, openRuntime } from '../runtime';

export async function runServe(argv: string[], t: i18n['t']): Promise<number> {
  const { values } = parseCommand(argv, { port: { type: 'string' } });
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(t('cli.badPort', { port: values.port }));
  }
  const rt = openRuntime(values['data-dir'] as string | undefined, t, 'browser');
  const rendererDir = defaultRendererDir(here);
  if (!rendererDir) process.stderr.write(`kepu: ${t('cli.rendererMissing')}\n`);
  const host = await startHost({ ctx: rt.ctx, dispatch: rt.dispatch, rendererDir, port });
  process.stdout.write(`${t('cli.serving', { url: host.url, dir: rt.ctx.dataDir })}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  rt.close();
  return 0;
}
