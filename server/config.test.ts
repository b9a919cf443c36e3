import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { serverSecret } from './config';

const run = promisify(execFile);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the server secret', () => {
  it('replicas starting at the same moment on one data dir agree on one secret, and leave no drafts behind', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oe-secret-'));
    dirs.push(dir);
    const config = path.join(import.meta.dirname, 'config.ts');
    const script = `import(${JSON.stringify(config)}).then((m) => console.log(m.serverSecret(${JSON.stringify(dir)}, {})))`;
    const outputs = await Promise.all(
      Array.from({ length: 6 }, () => run(process.execPath, ['--import', 'tsx', '-e', script])),
    );
    const secrets = new Set(outputs.map((o) => o.stdout.trim()));
    expect(secrets.size).toBe(1);
    expect([...secrets][0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(serverSecret(dir, {})).toBe([...secrets][0]);
    expect(readdirSync(dir)).toEqual(['server-secret']);
  }, 30_000);

  it('SERVER_SECRET wins over the file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oe-secret-'));
    dirs.push(dir);
    expect(serverSecret(dir, { SERVER_SECRET: 'from-env' })).toBe('from-env');
  });
});
