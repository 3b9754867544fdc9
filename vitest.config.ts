import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Temporary folders made by tests/temp-dirs.ts are removed after each file.
    setupFiles: ['tests/setup/remove-temp-dirs.ts'],
    hookTimeout: 120_000, // beforeAll builds merged samples: 10 s (the default) is not enough on a loaded machine
    // A limit, not a measurement: CLI tests start real `kepu` processes (the built CLI after `npm run
    // build`, else the sources through tsx); the longest CLI test took 12 s on a loaded 2-core machine.
    testTimeout: 120_000,
    // Integration tests spawn the CLI and share the 2-core machine; keep parallelism modest.
    maxWorkers: 2,
  },
});
