import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree, unzipFiles, zipFiles } from './zip';

describe('the store zip', () => {
  it('holds the tree, paths relative with /, and gives the same bytes for the same files', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oe-zip-'));
    try {
      mkdirSync(path.join(dir, 'assets'));
      writeFileSync(path.join(dir, 'manifest.json'), '{"a":1}');
      writeFileSync(path.join(dir, 'assets', 'x.js'), 'x'.repeat(5000));
      const files = readTree(dir);
      expect(files.map((f) => f.path)).toEqual(['assets/x.js', 'manifest.json']);
      const zip = zipFiles(files);
      expect(zip.length).toBeLessThan(500); // compressed
      expect(zipFiles([...files].reverse())).toEqual(zip);
      const back = unzipFiles(zip);
      expect(back.map((f) => [f.path, new TextDecoder().decode(f.bytes).length])).toEqual([
        ['assets/x.js', 5000],
        ['manifest.json', 7],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
