// Three bundles: the Electron main process (src-main/electron, and the job worker thread's entry), the sandboxed preload (CommonJS,
// as sandboxed preloads require), and the renderer. Native and binary-shipping packages stay
// external (loaded from node_modules at run time), as electron-vite recommends.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The renderer's entry (src/main.tsx) is small: it sends the first reads, then imports the app
 * (src/boot.tsx). index.html names the app's chunks too, so the browser fetches them beside the
 * entry instead of after it has run (issue 18: first paint). Vite does this only for static imports.
 */
function preloadBootChunks(): Plugin {
  return {
    name: 'kepu-preload-boot-chunks',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html; // the dev server: nothing built to name
        const boot = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.replace(/\\/g, '/').endsWith('/src/boot.tsx'));
        if (!boot || boot.type !== 'chunk') throw new Error('renderer build: no chunk for src/boot.tsx');
        const scripts = [boot.fileName, ...boot.imports.filter((f) => { const c = bundle[f]; return c?.type === 'chunk' && !c.isEntry; })];
        const styles = [...(boot.viteMetadata?.importedCss ?? [])];
        return [
          ...scripts.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
          ...styles.map((f) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

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
    plugins: [react(), preloadBootChunks()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
