import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/** Build for the three Electron pieces: main (ESM), preload (CommonJS, for the sandbox), renderer (React). */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The import pipeline's worker is its own entry: main/core/articles/pool.ts starts
        // out/main/articles-worker.js so page extraction uses every core.
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          'articles-worker': resolve(__dirname, 'main/core/articles/worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: { zod: resolve(__dirname, 'preload/zod-inert.ts') } },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but 'electron'. It needs the contract's channel
      // names, not its schemas (main validates), so 'zod' is an inert stand-in here: no zod code
      // runs before the window's first paint (preload/zod-inert.ts).
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        // A sandboxed preload cannot load ES modules: emit CommonJS with a .cjs name
        // because package.json says "type": "module".
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
      },
    },
  },
});
