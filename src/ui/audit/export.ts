/**
 * The audit page's export, read from IndexedDB in place (the page shares the
 * extension's origin): 50 MB of rows never cross a runtime message, reads run
 * ahead while a chunk is formatted, and the file is assembled from one text
 * per 5,000 rows. Same rows, order and bytes as the log's newest-first pages.
 */
import { csvHeader, formatChunk } from '../../shared/audit-export';
import { matchesFilter, type AuditFilter } from '../../shared/audit-filter';
import { auditChunks, type ChunkOptions } from '../../store/audit-read';
import type { AuditRecord } from '../../store/db';

export interface ExportText {
  /** The file's text in pieces (a Blob's parts). */
  parts: string[];
  rows: number;
}

/** Newest first, filtered like the table; `onProgress` gets the running row count after each chunk. */
export async function exportAudit(
  filter: AuditFilter,
  format: 'csv' | 'json',
  onProgress: (rows: number) => void = () => undefined,
  opts: ChunkOptions = {},
): Promise<ExportText> {
  const lowerText = filter.text.trim().toLowerCase();
  const parts: string[] = [format === 'csv' ? csvHeader() : '[\n'];
  let rows = 0;
  for await (const chunk of auditChunks('newest', opts)) {
    const kept: AuditRecord[] = [];
    // Entries are appended in time order, so the first one older than `from` ends the export.
    const olderAt = filter.from === null ? -1 : chunk.findIndex((e) => e.at < (filter.from as number));
    for (const e of olderAt < 0 ? chunk : chunk.slice(0, olderAt))
      if (matchesFilter(e, filter, lowerText)) kept.push(e);
    if (kept.length > 0) {
      const text = formatChunk(kept, format);
      parts.push(format === 'json' && rows > 0 ? `,\n${text}` : text);
      rows += kept.length;
      onProgress(rows);
    }
    if (olderAt >= 0) break;
  }
  if (format === 'json') parts.push('\n]\n');
  return { parts, rows };
}
