// Types of cli-freshness.mjs for the tests.
export function currentBuiltCli(root: string, env?: NodeJS.ProcessEnv): string | null;
