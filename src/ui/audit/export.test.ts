import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { csvHeader, formatChunk } from '../../shared/audit-export';
import type { AuditFilter } from '../../shared/audit-filter';
import { FIXTURE_T0, fixtureChain, storeEntries } from '../../store/audit-fixture';
import { queryAudit } from '../../store/audit-query';
import { resetDbForTests } from '../../store/db';
import { exportAudit } from './export';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
});

/** The export as the page built it before: pages of 2,000 through the worker's query, joined in the page. */
async function pagedExport(filter: AuditFilter, format: 'csv' | 'json'): Promise<string> {
  const parts = [format === 'csv' ? csvHeader() : '[\n'];
  let before: number | null = null;
  let count = 0;
  do {
    const page = await queryAudit(filter, before, 2000);
    const text = formatChunk(page.rows, format);
    if (page.rows.length > 0) parts.push(format === 'json' && count > 0 ? `,\n${text}` : text);
    count += page.rows.length;
    before = page.nextBefore;
  } while (before !== null);
  if (format === 'json') parts.push('\n]\n');
  return parts.join('');
}

const none: AuditFilter = { types: [], statuses: [], from: null, to: null, text: '' };
const filters: Record<string, AuditFilter> = {
  none,
  type: { ...none, types: ['message'] },
  status: { ...none, statuses: ['failed'] },
  text: { ...none, text: ' User_2 ' },
  window: { ...none, from: FIXTURE_T0 + 600 * 60_000, to: FIXTURE_T0 + 4321 * 60_000 },
  nothing: { ...none, text: 'no such text' },
};

describe('exportAudit (read in place)', () => {
  it('writes byte for byte what the paged export wrote, for every filter, in both formats', async () => {
    await storeEntries(fixtureChain(5003));
    for (const [name, filter] of Object.entries(filters)) {
      for (const format of ['csv', 'json'] as const) {
        const expected = await pagedExport(filter, format);
        for (const opts of [{}, { chunk: 333, inFlight: 2 }]) {
          const { parts, rows } = await exportAudit(filter, format, () => undefined, opts);
          expect(parts.join(''), `${name} ${format} ${JSON.stringify(opts)}`).toBe(expected);
          if (format === 'json') expect((JSON.parse(expected) as unknown[]).length).toBe(rows);
        }
      }
    }
  });

  it('exports an empty log as a header, or an empty array', async () => {
    expect((await exportAudit(none, 'csv')).parts.join('')).toBe(csvHeader());
    expect(JSON.parse((await exportAudit(none, 'json')).parts.join(''))).toEqual([]);
  });

  it('reports progress after each chunk', async () => {
    await storeEntries(fixtureChain(25));
    const seen: number[] = [];
    await exportAudit(none, 'csv', (n) => seen.push(n), { chunk: 10 });
    expect(seen).toEqual([10, 20, 25]);
  });
});
