/**
 * Small modules with one job each (README, Layout): no tracked source file
 * over 300 lines, tests and the e2e doubles aside (a double mirrors a whole
 * LinkedIn or backend surface; a test reads best whole).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const MAX_LINES = 300;
const LS_FILES = ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '*.ts', '*.mjs'];

/** Tracked (and new, not ignored) .ts/.mjs files that are neither tests nor doubles. */
function sourceFiles(): string[] {
  const listed = execFileSync('git', LS_FILES, { cwd: ROOT, encoding: 'utf8' });
  return [...new Set(listed.split('\0'))]
    .filter((file) => file !== '' && existsSync(path.join(ROOT, file)))
    .filter((file) => !/\.(test|spec)\.ts$/.test(file) && !file.startsWith('e2e/doubles/'));
}

/** Lines as `wc -l` counts them (a final newline ends the last line, it does not start one). */
function lineCount(file: string): number {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('file size', () => {
  it('finds the sources at all (the check is not vacuous)', () => {
    const files = sourceFiles();
    expect(files).toContain('src/background/executor.ts');
    expect(files).toContain('scripts/ensure-chromium.mjs');
    expect(files.some((f) => f.endsWith('.test.ts') || f.startsWith('e2e/doubles/'))).toBe(false);
    expect(lineCount('src/background/executor.ts')).toBeGreaterThan(10);
  });

  it(`no source file outside tests and doubles is over ${MAX_LINES} lines`, () => {
    const offenders = sourceFiles()
      .map((file) => ({ file, lines: lineCount(file) }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(offenders).toEqual([]);
  });
});
