/** The audit export's formats (CSV and JSON), written in the worker and parsed in tests. Pure. */
import type { AuditRecord } from '../store/db';
import type { AuditRow } from './messages';

export const CSV_COLUMNS = [
  'seq',
  'at',
  'actionId',
  'type',
  'bucket',
  'paramsSummary',
  'idempotencyKey',
  'requestedBy',
  'startedAt',
  'finishedAt',
  'status',
  'code',
  'message',
  'httpStatus',
  'mutated',
  'linkedinRequests',
  'account',
  'approval',
  'prevHash',
  'hash',
] as const;

/**
 * Cells a spreadsheet would read as a formula (OWASP, "CSV Injection"): the
 * backend writes action ids, types, keys and requestedBy, so "=HYPERLINK(…)"
 * must arrive as text. A leading "'" is escaped too, so that stripping one
 * "'" always gives back the stored text (what spreadsheets display as well).
 */
const FORMULA_START = /^[=+\-@\t\r']/;

function csvCell(value: unknown): string {
  const stored =
    value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const text = FORMULA_START.test(stored) ? `'${stored}` : stored;
  return text !== stored || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The stored text of a CSV cell (undoes the formula guard of csvCell). */
export function csvCellValue(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvRow(row: AuditRow): string {
  const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    ...row,
    approval: row.approval,
    at: new Date(row.at).toISOString(),
    startedAt: new Date(row.startedAt).toISOString(),
    finishedAt: new Date(row.finishedAt).toISOString(),
  };
  return `${CSV_COLUMNS.map((c) => csvCell(values[c])).join(',')}\r\n`;
}

/** Parses what csvRow wrote (RFC 4180 quoting) back into the stored texts; for tests and round-trips. */
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
      row.push(csvCellValue(cell));
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(csvCellValue(cell));
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(csvCellValue(cell));
    rows.push(row);
  }
  return rows;
}

/** A stored record as the pages see it (chain link included; seq always set). */
export function toAuditRow(r: AuditRecord): AuditRow {
  return {
    ...r,
    seq: r.seq ?? 0,
    requestedBy: r.requestedBy ?? null,
    prevHash: r.prevHash ?? null,
    hash: r.hash ?? null,
  };
}

/** One export chunk as text: CSV lines, or JSON values separated by ",\n" (the page adds brackets). */
export function formatChunk(rows: AuditRecord[], format: 'csv' | 'json'): string {
  return format === 'csv'
    ? rows.map((r) => csvRow(toAuditRow(r))).join('')
    : rows.map((r) => JSON.stringify(toAuditRow(r))).join(',\n');
}
