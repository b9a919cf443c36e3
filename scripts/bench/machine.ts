/** Where and on what the bench ran: the machine, Chromium, and the commit. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { CHROMIUM } from '../../e2e/harness';
import { ROOT } from '../../e2e/build-extension';

export function commandOutput(file: string, args: string[], cwd = ROOT): string | null {
  try {
    return execFileSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export const loadAverage = (): number[] => os.loadavg().map((n) => Math.round(n * 100) / 100);

export function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? null,
    totalMemoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: commandOutput(CHROMIUM, ['--version']),
    chromiumPath: CHROMIUM,
    loadAverageAtStart: loadAverage(),
  };
}

export function gitInfo(): Record<string, unknown> {
  // Read-only: --no-optional-locks keeps `git status` from refreshing the index.
  const status = commandOutput('git', ['--no-optional-locks', 'status', '--porcelain', '--untracked-files=no']);
  return {
    commit: commandOutput('git', ['rev-parse', 'HEAD']),
    dirtyWorkingTree: status === null ? null : status !== '',
  };
}
