// Three bundles: the Electron main process (src-main/electron, and the job worker thread's entry), the sandboxed preload (CommonJS,
// as sandboxed preloads require), and the renderer. Native and binary-shipping packages stay
// external (loaded from node_modules at run time), as electron-vite recommends.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      // job-worker: the worker thread's own entry (app/worker-runner.ts finds it beside index.js).
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/electron/main.ts'), 'job-worker': resolve(__dirname, 'src-main/app/job-worker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
