// The shape of one channel's declaration. Kept apart from channels.ts so that a feature's contract
// module can check its own map (`satisfies ChannelMap`) without importing the gathered map.
import type { z } from 'zod';

export interface ChannelDef {
  /** What a caller sends; dispatch.ts parses every call with it before any handler runs. */
  request: z.ZodType;
  /** What the handler answers; tests parse every answer with it (tests/helpers.ts checkingResponses). */
  response: z.ZodType;
}

/** A feature's channels: names are `feature:action`. */
export type ChannelMap = Record<`${string}:${string}`, ChannelDef>;
