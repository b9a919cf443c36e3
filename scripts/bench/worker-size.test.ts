import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticImports, workerSize } from './worker-size';

describe('worker size', () => {
  it('finds static imports and re-exports in minified code, not dynamic imports', () => {
    const src =
      'import{a as b}from"./x-1.js";import"./side.js";export{c}from"./y.js";export*from"./z.js";const m=import("./lazy.js");import{q}from"pkg"';
    expect(staticImports(src)).toEqual(['./x-1.js', './side.js', './y.js', './z.js']);
  });

  it('follows the manifest entry through its static imports, each file once', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ws-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ background: { service_worker: 'loader.js' } }));
    writeFileSync(path.join(dir, 'loader.js'), "import './assets/main.js';");
    writeFileSync(
      path.join(dir, 'assets/main.js'),
      'import{a}from"./shared.js";import"./shared.js";import("./page.js")',
    );
    writeFileSync(path.join(dir, 'assets/shared.js'), 'export const a=1;'.repeat(50));
    writeFileSync(path.join(dir, 'assets/page.js'), 'never loaded at start');
    const size = workerSize(dir);
    expect(size.chunks.map((c) => c.file).sort()).toEqual(['assets/main.js', 'assets/shared.js', 'loader.js']);
    expect(size.totalBytes).toBe(size.chunks.reduce((n, c) => n + c.bytes, 0));
    const shared = size.chunks.find((c) => c.file === 'assets/shared.js');
    expect(shared?.gzipBytes).toBeLessThan(shared?.bytes ?? 0);
  });
});
