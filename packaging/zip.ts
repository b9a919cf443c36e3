/** The store zip: deterministic (sorted paths, one fixed date), so the same build gives the same bytes. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { PackageFile } from './self-check';

const FIXED_DATE = new Date('2000-01-01T00:00:00Z');

/** Every file under `dir`, with `/`-separated paths relative to it, sorted. */
export function readTree(dir: string): PackageFile[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return { path: path.relative(dir, full).split(path.sep).join('/'), bytes: new Uint8Array(readFileSync(full)) };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function zipFiles(files: PackageFile[]): Uint8Array {
  const tree: Zippable = {};
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1)))
    tree[file.path] = [file.bytes, { level: 9, mtime: FIXED_DATE }];
  return zipSync(tree);
}

export function unzipFiles(zip: Uint8Array): PackageFile[] {
  return Object.entries(unzipSync(zip))
    .filter(([name]) => !name.endsWith('/'))
    .map(([name, bytes]) => ({ path: name, bytes }));
}
