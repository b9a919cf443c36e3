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
const NEEDS_QUOTES = /[",\r\n]/;

/** Whether a text starts like a formula (FORMULA_START by character code: this runs 1.9 million times per 100,000 rows). */
function formulaStart(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 || c === 39;
}

function csvText(stored: string): string {
  if (formulaStart(stored)) return `"'${stored.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(stored) ? `"${stored.replace(/"/g, '""')}"` : stored;
}

function csvCell(value: unknown): string {
  return csvText(
    value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value),
  );
}

/** The stored text of a CSV cell (undoes the formula guard of csvCell). */
export function csvCellValue(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

/** One line, in CSV_COLUMNS order (listed out rather than mapped over the names: exports write 100,000 rows). */
export function csvRow(row: AuditRow): string {
  const cells = [
    csvCell(row.seq),
    csvText(new Date(row.at).toISOString()),
    csvCell(row.actionId),
    csvCell(row.type),
    csvCell(row.bucket),
    csvCell(row.paramsSummary),
    csvCell(row.idempotencyKey),
    csvCell(row.requestedBy),
    csvText(new Date(row.startedAt).toISOString()),
    csvText(new Date(row.finishedAt).toISOString()),
    csvCell(row.status),
    csvCell(row.code),
    csvCell(row.message),
    csvCell(row.httpStatus),
    csvCell(row.mutated),
    csvCell(row.linkedinRequests),
    csvCell(row.account),
    csvCell(row.approval),
    csvCell(row.prevHash),
    csvCell(row.hash),
  ];
  return `${cells.join(',')}\r\n`;
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
