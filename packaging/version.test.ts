import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../manifest.config.ts';
import pkg from '../package.json' with { type: 'json' };

const ROOT = path.resolve(import.meta.dirname, '..');

describe('one version', () => {
  it('the manifest is built with package.json’s version', () => {
    expect((manifest as { version: string }).version).toBe(pkg.version);
  });

  it('the worker reports the manifest’s version to the backend (no second copy in the code)', () => {
    const worker = readFileSync(path.join(ROOT, 'src/background/index.ts'), 'utf8');
    expect(worker).toContain('version: browser.runtime.getManifest().version');
  });

  it('CHANGELOG.md has a section for this version', () => {
    const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(new RegExp(`^## ${pkg.version.replaceAll('.', '\\.')} `, 'm'));
  });
});
