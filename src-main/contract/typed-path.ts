// The request schema of a typed or pasted path (path-text.ts says why quotes are taken off).
import { z } from 'zod';
import { unquotePath } from './path-text';

export { unquotePath };

/** A path in a request: quotes from "Copy as path" taken off before the length checks. */
export const TypedPath = z.string().overwrite(unquotePath).min(1).max(4096);
