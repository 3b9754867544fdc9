import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Integration tests spawn the CLI and share the 2-core machine; keep parallelism modest.
    maxWorkers: 2,
  },
});
