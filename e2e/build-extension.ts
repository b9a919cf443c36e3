/**
 * Builds the extension with a given EXECUTOR_TIME_SCALE into its own folder
 * (dist-e2e/scale-<n> by default). Used by the e2e tests, the demo and the
 * benchmark (which builds into bench/tmp/ so it never pulls a build from
 * under a test run going on at the same time).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

export function extensionDir(scale: number): string {
  return path.join(ROOT, 'dist-e2e', `scale-${scale}`);
}

export function buildExtension(scale: number, opts: { force?: boolean; outDir?: string } = {}): string {
  const outDir = opts.outDir ?? extensionDir(scale);
  if (!opts.force && existsSync(path.join(outDir, 'manifest.json'))) return outDir;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, EXECUTOR_TIME_SCALE: String(scale), EXECUTOR_OUT_DIR: outDir },
  });
  if (!existsSync(path.join(outDir, 'manifest.json')))
    throw new Error(`vite build wrote no manifest.json into ${outDir}`);
  return outDir;
}
