import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH } from '../src/store/audit-chain';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'verify-audit-'));

async function verify(content: string, extra: string[] = []): Promise<{ code: number; out: string; err: string }> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, content);
  try {
    const { stdout, stderr } = await run(process.execPath, [
      '--import',
      'tsx',
      'scripts/verify-audit-export.ts',
      file,
      ...extra,
    ]);
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

function exported(
  n: number,
  actionId = (i: number) => `a${i}`,
  approval: (i: number) => Record<string, unknown> | undefined = () => undefined,
): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const f = {
      at: i,
      actionId: actionId(i),
      type: 'follow_member',
      bucket: 'follows',
      paramsSummary: 'profile x',
      idempotencyKey: `k${i}`,
      requestedBy: null,
      startedAt: i,
      finishedAt: i,
      status: 'succeeded',
      code: null,
      message: 'ok',
      httpStatus: 200,
      mutated: true,
      linkedinRequests: 1,
      account: null,
      ...(approval(i) ? { approval: approval(i) } : {}),
    };
    const hash = entryHash(prev, f);
    rows.unshift({ seq: i, ...f, prevHash: prev, hash }); // the page exports newest first
    prev = hash;
  }
  return rows;
}

describe('npm run verify-audit', () => {
  it('verifies formula-looking fields exactly: only the CSV neutralises them, the JSON export holds what was hashed', async () => {
    const rows = exported(3, (i) => ['=HYPERLINK("x")', '+1', "'@x"][i - 1] ?? '');
    const ok = await verify(JSON.stringify(rows));
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('The chain is unbroken from the first entry ever written');
  }, 30_000);

  it('accepts a complete export, reports the gaps of a partial one, and fails an altered one', async () => {
    const rows = exported(4);
    const ok = await verify(JSON.stringify(rows));
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('The chain is unbroken from the first entry ever written');
    expect(ok.out).toContain(
      `Newest entry #4 has hash ${String(rows[0]?.hash)} (note it to check later exports with --anchor).`,
    );

    const partial = await verify(JSON.stringify(rows.filter((r) => r.seq !== 2)));
    expect(partial.code).toBe(0);
    expect(partial.out).toContain('between #1 and #3');

    const rehashed = rows.map((r) => {
      if (r.seq !== 2) return r;
      const edited = { ...r, message: 'edited' };
      return { ...edited, hash: entryHash(String(r.prevHash), edited as Parameters<typeof entryHash>[1]) };
    });
    const relinked = await verify(JSON.stringify(rehashed));
    expect(relinked.code).toBe(1);
    expect(relinked.out).toContain('ALTERED: entry #2: the next entry does not link to it (edited, then re-hashed).');

    const altered = await verify(JSON.stringify(rows.map((r) => (r.seq === 3 ? { ...r, mutated: false } : r))));
    expect(altered.code).toBe(1);
    expect(altered.out).toContain('ALTERED: entry #3: its content does not match its hash.');
  }, 30_000);

  it('entries of approved or rejected actions carry who decided and when, covered by the hash', async () => {
    const rows = exported(3, undefined, (i) =>
      i === 2 ? { decision: 'approved', by: 'local user (popup)', at: 1 } : undefined,
    );
    const ok = await verify(JSON.stringify(rows));
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('The chain is unbroken from the first entry ever written');
    const forged = rows.map((r) =>
      r.seq === 2 ? { ...r, approval: { decision: 'approved', by: 'someone else', at: 1 } } : r,
    );
    const altered = await verify(JSON.stringify(forged));
    expect(altered.code).toBe(1);
    expect(altered.out).toContain('ALTERED: entry #2: its content does not match its hash.');
  }, 30_000);

  it('--anchor: a hash noted earlier is found with everything before it proven, or reported missing', async () => {
    const rows = exported(5);
    const noted = String(rows.find((r) => r.seq === 3)?.hash);
    const proven = await verify(JSON.stringify(rows), ['--anchor', noted]);
    expect(proven.code).toBe(0);
    expect(proven.out).toContain('Anchor: entry #3; the chain is unbroken from the first entry to it');
    const filtered = await verify(JSON.stringify(rows.filter((r) => r.seq !== 1)), ['--anchor', noted]);
    expect(filtered.out).toContain('Anchor: entry #3; the file does not hold every entry before it');
    const missing = await verify(JSON.stringify(rows), ['--anchor', 'f'.repeat(64)]);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain(`ANCHOR NOT FOUND: no entry has hash ${'f'.repeat(64)}`);
    const usage = await verify(JSON.stringify(rows), ['--anchor', 'not-a-hash']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('usage: npm run verify-audit -- <audit export .json> [--anchor <64 hex characters>]');
  }, 60_000);

  it('refuses what is not a JSON audit export with a specific message', async () => {
    const csv = await verify('seq,at\r\n1,2\r\n');
    expect(csv.code).toBe(2);
    expect(csv.err).toMatch(/^verify-audit: .*\.json: Unexpected token/);
    const wrong = await verify(JSON.stringify([{ ...exported(1)[0], seq: 'one' }]));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('is not a JSON audit export (CSV cannot be verified): at [0].seq:');
  }, 30_000);
});
