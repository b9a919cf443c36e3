import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.config.ts';
import { noDynamicCode } from './packaging/no-dynamic-code.ts';
import { singleFileWorker } from './packaging/single-file-worker.ts';

// EXECUTOR_TIME_SCALE divides every duration the executor waits or counts.
// Production builds use 1; e2e and demo builds use a larger integer so that
// 30 s spacing or a 24 h pause fit in a test run. Read once, here, at build time.
const timeScale = Number(process.env.EXECUTOR_TIME_SCALE ?? '1');
if (!Number.isInteger(timeScale) || timeScale < 1) {
  throw new Error(`EXECUTOR_TIME_SCALE must be a positive integer, got "${process.env.EXECUTOR_TIME_SCALE}"`);
}

const define = { __EXECUTOR_TIME_SCALE__: JSON.stringify(timeScale) };

export default defineConfig({
  plugins: [
    noDynamicCode(),
    crx({ manifest }),
    singleFileWorker({ entry: 'src/background/index.ts', define, plugins: [noDynamicCode()] }),
  ],
  define,
  build: {
    outDir: process.env.EXECUTOR_OUT_DIR ?? 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // Pages not named in the manifest must be listed to be built.
    rollupOptions: {
      input: {
        audit: 'src/ui/audit/index.html',
        privacy: 'src/ui/privacy/index.html',
        welcome: 'src/ui/welcome/index.html',
      },
    },
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
