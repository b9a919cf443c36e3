/**
 * npm run package: the Chrome Web Store upload. A production build (time scale 1, no `key`)
 * into release/build/, zipped in memory, self-checked on the zip's own contents, and written
 * as release/outbound-executor-<version>.zip only when the check finds nothing.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pkg from '../package.json' with { type: 'json' };
import { selfCheck, type PermissionAllowList } from '../packaging/self-check';
import { readTree, unzipFiles, zipFiles } from '../packaging/zip';

const ROOT = path.resolve(import.meta.dirname, '..');
/** The upload may not grow past this without a decision (the 0.2.0 zip is about 100 kB). */
export const ZIP_BUDGET_BYTES = 256 * 1024;

function fail(message: string): never {
  console.error(`npm run package: ${message}`);
  process.exit(1);
}

const scale = process.env.EXECUTOR_TIME_SCALE;
if (scale !== undefined && scale !== '1')
  fail(`refused: a store package is a production build, but EXECUTOR_TIME_SCALE=${scale}. Unset it (or set 1).`);

const release = path.join(ROOT, 'release');
const buildDir = path.join(release, 'build');
const zipPath = path.join(release, `outbound-executor-${pkg.version}.zip`);
rmSync(zipPath, { force: true });
execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, EXECUTOR_TIME_SCALE: '1', EXECUTOR_STORE_BUILD: '1', EXECUTOR_OUT_DIR: buildDir },
});

const zip = zipFiles(readTree(buildDir));
const allowList = JSON.parse(readFileSync(path.join(ROOT, 'store/permissions.json'), 'utf8')) as PermissionAllowList;
const contents = unzipFiles(zip);
const problems = selfCheck({
  files: contents,
  allowList,
  version: pkg.version,
  zipBytes: zip.length,
  budgetBytes: ZIP_BUDGET_BYTES,
});
if (problems.length > 0) {
  for (const problem of problems) console.error(`  ✗ ${problem}`);
  fail(`refused: the self-check found ${problems.length} problem(s); no zip was written.`);
}
mkdirSync(release, { recursive: true });
writeFileSync(zipPath, zip);
const sha256 = createHash('sha256').update(zip).digest('hex');
console.log(
  `self-check passed: ${contents.length} files, ${zip.length} bytes (budget ${ZIP_BUDGET_BYTES}), version ${pkg.version}`,
);
console.log(`sha256 ${sha256}`);
console.log(path.relative(ROOT, zipPath));
