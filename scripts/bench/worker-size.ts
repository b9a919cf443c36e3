/**
 * The service worker's JavaScript as Chrome loads it: the manifest's
 * background.service_worker and every chunk reachable through its static
 * imports, each with its raw and gzip size (what a cold start reads and parses).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface WorkerSize {
  entry: string;
  chunks: ChunkSize[];
  totalBytes: number;
  totalGzipBytes: number;
}

// Static imports and re-exports of a minified ES module; dynamic import() is not followed (not loaded at start).
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']/g;

export function staticImports(source: string): string[] {
  return [...source.matchAll(STATIC_IMPORT)].map((m) => m[1] ?? '').filter((s) => s.startsWith('.'));
}

export function workerSize(distDir: string): WorkerSize {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
  };
  const entry = manifest.background?.service_worker;
  if (!entry) throw new Error(`${distDir}/manifest.json has no background.service_worker`);
  const seen = new Set<string>();
  const chunks: ChunkSize[] = [];
  const visit = (rel: string): void => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const buf = readFileSync(path.join(distDir, rel));
    chunks.push({ file: rel, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length });
    for (const spec of staticImports(buf.toString('utf8'))) visit(path.posix.join(path.posix.dirname(rel), spec));
  };
  visit(path.posix.normalize(entry));
  chunks.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    entry,
    chunks,
    totalBytes: chunks.reduce((n, c) => n + c.bytes, 0),
    totalGzipBytes: chunks.reduce((n, c) => n + c.gzipBytes, 0),
  };
}
