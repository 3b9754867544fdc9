// The boundary every request crosses: unknown channel and payload in, Result out. Requests are
// parsed with the channel's zod schema (the failing path is reported), errors become codes. The
// allow-list is the handler table's channel lists and the schemas come group by group
// (channel-schemas.ts), so a call builds only its own group's schemas. The
// handlers come as the whole table (handlers.ts: Electron, tests) or as a lookup that loads the
// channel's group on first use (handler-table.ts: the CLI and its browser shell); either way every
// call takes this one path.
import type { AppErrorBody, ChannelDef, ChannelName, Handlers, Result } from '../contract';
import { fail, ok } from '../contract/errors';
import { isKepuError } from '../core/errors';
import { channelSchemas } from './channel-schemas';
import { type HandlerLookup, isListedChannel } from './handler-table';

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

export function createDispatch(handlers: Handlers | HandlerLookup, log: (line: string) => void = console.error): Dispatch {
  const handlerOf: HandlerLookup =
    typeof handlers === 'function' ? handlers : async (channel) => handlers[channel] as (request: unknown) => unknown;
  return async (channel, payload) => {
    if (!isListedChannel(channel)) {
      const named = clipText(String(channel), ECHO_LIMIT);
      return fail('UNKNOWN_CHANNEL', `app: unknown channel ${JSON.stringify(named)}`, { channel: named });
    }
    let schemas: ChannelDef;
    try {
      schemas = await channelSchemas(channel);
    } catch (error) {
      return { ok: false, error: toErrorBody(channel, error, log) };
    }
    const parsed = schemas.request.safeParse(payload ?? {});
    if (!parsed.success) {
      // Paths and messages can carry the caller's own keys and values (an unknown 17 MB key is
      // quoted in full by zod): the answer repeats at most a few hundred characters of them.
      const issue = parsed.error.issues[0];
      const where = clipText(issue.path.map(String).join('.'), ECHO_LIMIT) || '(request)';
      const detail = clipText(issue.message, ECHO_LIMIT);
      return fail('INVALID_REQUEST', `app: ${channel}: ${where}: ${detail}`, { channel, path: where, detail });
    }
    try {
      const handler = await handlerOf(channel);
      const value = await handler(parsed.data);
      return ok(value);
    } catch (error) {
      return { ok: false, error: toErrorBody(channel, error, log) };
    }
  };
}

export function toErrorBody(channel: ChannelName | string, error: unknown, log: (line: string) => void): AppErrorBody {
  if (isKepuError(error)) return error.toBody();
  log(`app: ${channel} failed: ${clipText((error as Error)?.stack ?? String(error), 4 * ECHO_LIMIT)}`);
  return { code: 'INTERNAL', message: `app: ${clipText(String(channel), ECHO_LIMIT)}: ${clipText((error as Error)?.message ?? String(error), ECHO_LIMIT)}` };
}

/** How much of a caller's own input an error answer may repeat. */
const ECHO_LIMIT = 200;

/** `text` cut to `max` characters (an ellipsis marks the cut), for echoing input in errors and logs. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never end on half of a surrogate pair (an emoji or a rare CJK character).
  const cut = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return `${text.slice(0, cut)}…`;
}
