/**
 * A Vite plugin that gives the service worker one file of its own. The
 * extension's build splits code shared by pages and worker into chunks, so
 * the worker loaded eight files that gzip separately (60.3 kB). MV3 starts the
 * worker again for every alarm, message and wake-up; one bundle of exactly the
 * code it runs compresses as one stream (56.2 kB, the same code) and is one
 * read. After the main build has written its files, the worker's entry is
 * bundled again without code splitting into `service-worker.js`; the manifest
 * names it, and the loader and entry chunk only the worker used are removed.
 * Pages keep their shared chunks. Production builds only (`vite build`): the
 * dev server keeps @crxjs's loader and its reloads.
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin, type PluginOption } from 'vite';

export const WORKER_FILE = 'service-worker.js';

interface Options {
  /** The worker's source entry, as manifest.config.ts names it. */
  entry: string;
  /** The main build's `define`, so both builds see the same constants. */
  define: Record<string, string>;
  /** Plugins the worker's code needs too (e.g. noDynamicCode). */
  plugins: PluginOption[];
}

/** The chunk a loader like `import './assets/index.ts-x.js';` pulls in (null: not such a loader). */
export function loaderTarget(loader: string): string | null {
  const imports = [...loader.matchAll(/import\s*["']([^"']+)["']/g)].map((m) => m[1] ?? '');
  return imports.length === 1 && loader.replace(/import\s*["'][^"']+["'];?/, '').trim() === ''
    ? path.posix.normalize(imports[0] ?? '')
    : null;
}

/** Text files of the build that may name a chunk (HTML, JS, JSON, CSS). */
function referencingFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(html|js|json|css)$/.test(f))
    .map((f) => path.join(dir, f));
}

export function singleFileWorker(opts: Options): Plugin {
  let outDir = 'dist';
  return {
    name: 'outbound-executor:single-file-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const manifestFile = path.join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
        background?: { service_worker?: string; type?: string };
      };
      const loaderName = manifest.background?.service_worker;
      if (!loaderName) throw new Error(`${manifestFile}: no background.service_worker to bundle`);
      const entryChunk = loaderTarget(readFileSync(path.join(outDir, loaderName), 'utf8'));
      if (!entryChunk) throw new Error(`${loaderName} is not the one-import loader expected from @crxjs/vite-plugin`);

      await build({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        define: opts.define,
        plugins: opts.plugins,
        build: {
          outDir,
          emptyOutDir: false,
          target: 'chrome120',
          sourcemap: false,
          rollupOptions: {
            input: { worker: opts.entry },
            output: { format: 'es', codeSplitting: false, entryFileNames: WORKER_FILE },
          },
        },
      });

      manifest.background = { ...manifest.background, service_worker: WORKER_FILE };
      writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
      rmSync(path.join(outDir, loaderName));
      // The entry chunk is the worker's alone unless a page imports it (then it stays).
      const chunkName = path.posix.basename(entryChunk);
      const stillUsed = referencingFiles(outDir).some(
        (f) => path.resolve(f) !== path.resolve(outDir, entryChunk) && readFileSync(f, 'utf8').includes(chunkName),
      );
      if (!stillUsed && existsSync(path.join(outDir, entryChunk))) rmSync(path.join(outDir, entryChunk));
    },
  };
}
