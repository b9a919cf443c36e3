/** Every bundle configures zod jitless before any schema exists: the first import of each entry point. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ENTRIES = [
  'src/background/index.ts',
  'src/ui/popup/popup.ts',
  'src/ui/options/options.ts',
  'src/ui/audit/audit.ts',
];

describe('zod jitless', () => {
  it.each(ENTRIES)('%s imports ./zod-jitless first', (file) => {
    const firstImport = /^import\s+(?:[^'"]*from\s+)?['"]([^'"]+)['"]/m.exec(readFileSync(file, 'utf8'))?.[1];
    expect(firstImport).toMatch(/(^|\/)zod-jitless$/);
  });

  it('the manifest entries are the ones checked here', () => {
    const manifest = readFileSync('manifest.config.ts', 'utf8');
    for (const page of ['src/ui/popup/index.html', 'src/ui/options/index.html', 'src/background/index.ts'])
      expect(manifest).toContain(page);
    for (const html of ['src/ui/popup/index.html', 'src/ui/options/index.html', 'src/ui/audit/index.html']) {
      const scripts = [...readFileSync(html, 'utf8').matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
      expect(scripts).toHaveLength(1);
      expect(ENTRIES.some((e) => e.endsWith((scripts[0] ?? '').replace(/^\.\//, '')))).toBe(true);
    }
  });
});
