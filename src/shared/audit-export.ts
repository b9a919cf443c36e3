/** The audit export's formats (CSV and JSON), written in the worker and parsed in tests. Pure. */
import type { AuditRecord } from '../store/db';
import type { AuditRow } from './messages';

export const CSV_COLUMNS = [
  'seq', 'at', 'actionId', 'type', 'bucket', 'paramsSummary', 'idempotencyKey', 'requestedBy', 'startedAt', 'finishedAt',
  'status', 'code', 'message', 'httpStatus', 'mutated', 'linkedinRequests', 'account', 'prevHash', 'hash',
] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvRow(row: AuditRow): string {
  const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    ...row,
    at: new Date(row.at).toISOString(),
    startedAt: new Date(row.startedAt).toISOString(),
    finishedAt: new Date(row.finishedAt).toISOString(),
  };
  return `${CSV_COLUMNS.map((c) => csvCell(values[c])).join(',')}\r\n`;
}

/** Parses what csvRow wrote (RFC 4180 quoting); for tests and round-trips. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A stored record as the pages see it (chain link included; seq always set). */
export function toAuditRow(r: AuditRecord): AuditRow {
  return { ...r, seq: r.seq ?? 0, requestedBy: r.requestedBy ?? null, prevHash: r.prevHash ?? null, hash: r.hash ?? null };
}

/** One export chunk as text: CSV lines, or JSON values separated by ",\n" (the page adds brackets). */
export function formatChunk(rows: AuditRecord[], format: 'csv' | 'json'): string {
  return format === 'csv' ? rows.map((r) => csvRow(toAuditRow(r))).join('') : rows.map((r) => JSON.stringify(toAuditRow(r))).join(',\n');
}
