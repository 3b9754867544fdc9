// Types of build-cli.mjs for the bench (bench/cli.ts builds the CLI before timing it).
export function buildCli(): Promise<{ files: number; inputs: number }>;
