// The Electron smoke suite (`npm run test:electron`, after `npm run build`): the real desktop shell
// driven by Playwright's _electron.launch. Every test skips with a one-line reason where Electron
// cannot run (no binary downloaded, no display); see tests/electron/electron-binary.ts.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/electron',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
  use: { screenshot: 'only-on-failure' },
  outputDir: 'test-results/electron',
});
