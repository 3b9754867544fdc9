// What wraps every handler, however the table is loaded (all at once in handlers.ts, group by
// group in handler-table.ts): a change to an archived campaign is refused (archive-guard.ts), and a
// full disk is reported as one.
import type { Handlers } from '../contract';
import { asDiskFull } from '../core/files/disk-full';
import { refuseChangesWhenArchived } from './archive-guard';
import type { AppContext } from './context';

/** `handlers` (all channels or one group's) with the guards every channel runs behind. */
export function guardHandlers<H extends Partial<Handlers>>(ctx: AppContext, handlers: H): H {
  return reportDiskFull(ctx.dataDir, refuseChangesWhenArchived(ctx, handlers as unknown as Handlers)) as unknown as H;
}

/**
 * A full disk met by something other than the file writers (which name their own folder): most
 * often SQLite's SQLITE_FULL while importing or saving, which can only be the data folder.
 */
function reportDiskFull(dataDir: string, handlers: Handlers): Handlers {
  const wrapped: Record<string, (request: unknown) => unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as [string, (request: unknown) => unknown][]) {
    wrapped[channel] = async (request) => {
      try {
        return await handler(request);
      } catch (error) {
        throw asDiskFull(error, dataDir);
      }
    };
  }
  return wrapped as Handlers;
}
