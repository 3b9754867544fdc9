// Argument parsing with node:util; a usage problem exits 2 (see main.ts).
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export interface CommonOptions {
  dataDir?: string;
  json: boolean;
}

export function parseCommand<T extends Record<string, { type: 'string' | 'boolean' }>>(
  argv: string[],
  options: T,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' }, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
