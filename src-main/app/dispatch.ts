// The boundary every request crosses: unknown channel and payload in, Result out. Requests are
// parsed with the channel's zod schema (the failing path is reported), errors become codes.
import {
  type AppErrorBody,
  type ChannelName,
  channels,
  fail,
  type Handlers,
  isChannelName,
  ok,
  type Result,
} from '../contract';
import { isKepuError } from '../core/errors';

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

export function createDispatch(handlers: Handlers, log: (line: string) => void = console.error): Dispatch {
  return async (channel, payload) => {
    if (!isChannelName(channel)) {
      return fail('UNKNOWN_CHANNEL', `app: unknown channel ${JSON.stringify(channel)}`, { channel: String(channel) });
    }
    const parsed = channels[channel].request.safeParse(payload ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue.path.join('.') || '(request)';
      return fail('INVALID_REQUEST', `app: ${channel}: ${where}: ${issue.message}`, { channel, path: where, detail: issue.message });
    }
    try {
      const handler = handlers[channel] as (request: unknown) => unknown;
      const value = await handler(parsed.data);
      return ok(value);
    } catch (error) {
      return { ok: false, error: toErrorBody(channel, error, log) };
    }
  };
}

export function toErrorBody(channel: ChannelName | string, error: unknown, log: (line: string) => void): AppErrorBody {
  if (isKepuError(error)) return error.toBody();
  log(`app: ${channel} failed: ${(error as Error)?.stack ?? String(error)}`);
  return { code: 'INTERNAL', message: `app: ${channel}: ${(error as Error)?.message ?? String(error)}` };
}
