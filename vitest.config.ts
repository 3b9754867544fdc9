import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Temporary folders made by tests/temp-dirs.ts are removed after each file.
    setupFiles: ['tests/setup/remove-temp-dirs.ts'],
    testTimeout: 120_000, // a limit, not a measurement: CLI tests start real `kepu` processes through tsx
    // Integration tests spawn the CLI and share the 2-core machine; keep parallelism modest.
    maxWorkers: 2,
  },
});
