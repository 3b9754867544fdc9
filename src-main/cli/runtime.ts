// What every CLI command needs: the app context for --data-dir, a dispatcher over the same
// handlers the UI uses (loaded group by group, as the command calls them), and printing of
// results in the user's language.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChannelName, RequestOf, ResponseOf } from '../contract';
import { type AppContext, createAppContext, type ShellKind } from '../app/context';
import { createDispatch, type Dispatch } from '../app/dispatch';
import { lazyHandlers } from '../app/handler-table';
import { defaultDataDir, defaultResourcesDir } from '../app/paths';
import type { i18n } from 'i18next';
import { CliFailure } from './failure';

export const here = path.dirname(fileURLToPath(import.meta.url));


export interface CliRuntime {
  ctx: AppContext;
  dispatch: Dispatch;
  call<K extends ChannelName>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>>;
  close(): void;
}

export function openRuntime(dataDir: string | undefined, t: i18n['t'], shell: ShellKind = 'cli'): CliRuntime {
  const ctx = createAppContext({
    dataDir: dataDir ? path.resolve(dataDir) : defaultDataDir(),
    resourcesDir: defaultResourcesDir(here),
    shell,
  });
  // Only the handler groups of the channels a command calls are loaded (issue 18: a quick start).
  const dispatch = createDispatch(lazyHandlers(ctx));
  return {
    ctx,
    dispatch,
    async call(channel, request) {
      const result = await dispatch(channel, request);
      if (!result.ok) throw CliFailure.fromBody(t, result.error);
      return result.value as ResponseOf<typeof channel>;
    },
    close: () => ctx.close(),
  };
}
