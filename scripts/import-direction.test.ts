/**
 * Imports flow one way (README, Layout): src/voyager never imports src/actions;
 * e2e/ never imports scripts/ (scripts use e2e's harness, doubles and build);
 * contract/ imports neither the extension nor the server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SPECIFIER = /(?:^|\s)(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mjs)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** Every relative import of the files under `from`, resolved against the repository root. */
function importsOf(from: string): Array<{ file: string; target: string }> {
  return sourceFiles(from).flatMap((file) =>
    [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(SPECIFIER)]
      .map((m) => m[1] ?? '')
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => ({ file, target: path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)) })),
  );
}

const into = (dir: string) => (i: { target: string }) => i.target === dir || i.target.startsWith(`${dir}/`);

describe('import direction', () => {
  it('finds imports at all (the check is not vacuous)', () => {
    expect(importsOf('src/voyager').some(into('src/voyager'))).toBe(true);
    expect(importsOf('scripts').some(into('e2e'))).toBe(true);
  });

  it('src/voyager does not import src/actions', () => {
    expect(importsOf('src/voyager').filter(into('src/actions'))).toEqual([]);
  });

  it('e2e does not import scripts', () => {
    expect(importsOf('e2e').filter(into('scripts'))).toEqual([]);
  });

  it('contract imports neither src nor server', () => {
    expect(importsOf('contract').filter((i) => into('src')(i) || into('server')(i))).toEqual([]);
  });
});
