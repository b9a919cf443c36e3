/** The audit page: filtered, paged table; streamed CSV/JSON export; chain verification. */
// First: zod must be jitless before any schema module runs.
import '../../zod-jitless';
import { ACTION_TYPES } from '../../../contract/protocol';
import type { AuditRow, Reply, ReplyData } from '../../shared/messages';
import type { AuditFilter } from '../../shared/audit-filter';
import { send } from '../shared/send';
import { fmt, localizePage, t as say } from '../shared/i18n';
import { statusText } from '../shared/action-labels';
import { csvHeader } from '../../shared/audit-export';

const PAGE = 100;
const EXPORT_CHUNK = 2000;

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`audit page is missing #${id}`);
  return el as T;
}

localizePage();
const typeSelect = element<HTMLSelectElement>('f-type');
for (const t of ACTION_TYPES) typeSelect.append(new Option(t, t));

let filter: AuditFilter = { types: [], statuses: [], from: null, to: null, text: '' };
/** Stack of `before` cursors of the pages shown so far (for "Newer"). */
let pages: Array<number | null> = [null];
let nextBefore: number | null = null;

function readFilter(): AuditFilter {
  const day = (id: string, end: boolean): number | null => {
    const value = element<HTMLInputElement>(id).value;
    if (!value) return null;
    const [y, m, d] = value.split('-').map(Number);
    return end
      ? new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, 23, 59, 59, 999).getTime()
      : new Date(y ?? 0, (m ?? 1) - 1, d ?? 1).getTime();
  };
  return {
    types: typeSelect.value ? [typeSelect.value] : [],
    statuses: element<HTMLSelectElement>('f-status').value ? [element<HTMLSelectElement>('f-status').value] : [],
    from: day('f-from', false),
    to: day('f-to', true),
    text: element<HTMLInputElement>('f-text').value,
  };
}

function requester(r: AuditRow): string {
  const by = r.requestedBy;
  if (typeof by === 'object' && by !== null && 'principal' in by)
    return String((by as { principal: unknown }).principal);
  return by === null || by === undefined ? '' : JSON.stringify(by);
}

function renderRows(rows: AuditRow[]): void {
  const trs = rows.map((r) => {
    const tr = document.createElement('tr');
    tr.dataset.seq = String(r.seq);
    const cells = [
      String(r.seq),
      fmt.dateTime(r.at),
      r.type,
      r.paramsSummary,
      statusText(r.status, r.code, say),
      r.message,
      requester(r),
      r.httpStatus === null ? '' : String(r.httpStatus),
    ];
    for (const [i, text] of cells.entries()) {
      const td = document.createElement('td');
      td.textContent = text;
      if (i === 4) td.className = `status-${r.status}`;
      if (i === 5) td.className = 'msg';
      tr.append(td);
    }
    return tr;
  });
  element('entries')
    .querySelector('tbody')
    ?.replaceChildren(...trs);
}

async function showPage(before: number | null): Promise<void> {
  const reply = await send({ type: 'audit/query', filter, before, limit: PAGE });
  if (!reply.ok) {
    element('summary').textContent = reply.error.message;
    return;
  }
  renderRows(reply.data.rows);
  nextBefore = reply.data.nextBefore;
  element<HTMLButtonElement>('older').disabled = nextBefore === null;
  element<HTMLButtonElement>('newer').disabled = pages.length <= 1;
  const shown = reply.data.rows.length;
  element('summary').textContent = say('auditSummary', [
    fmt.number(reply.data.total),
    fmt.number(shown),
    fmt.number(pages.length),
  ]);
}

async function exportAll(kind: 'csv' | 'json'): Promise<void> {
  const button = element<HTMLButtonElement>(kind === 'csv' ? 'export-csv' : 'export-json');
  button.disabled = true;
  const parts: string[] = [kind === 'csv' ? csvHeader() : '[\n'];
  let before: number | null = null;
  let count = 0;
  try {
    do {
      const reply: Reply<ReplyData<'audit/export'>> = await send({
        type: 'audit/export',
        format: kind,
        filter,
        before,
        limit: EXPORT_CHUNK,
      });
      if (!reply.ok) throw new Error(reply.error.message);
      if (reply.data.count > 0) parts.push(kind === 'json' && count > 0 ? `,\n${reply.data.text}` : reply.data.text);
      count += reply.data.count;
      before = reply.data.nextBefore;
      element('summary').textContent = say('exporting', [fmt.number(count)]);
    } while (before !== null);
    if (kind === 'json') parts.push('\n]\n');
    const blob = new Blob(parts, { type: kind === 'csv' ? 'text/csv' : 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `audit-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.${kind}`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    element('summary').textContent = say('exported', [fmt.number(count), kind.toUpperCase()]);
  } catch (error) {
    element('summary').textContent = say('exportFailed', [error instanceof Error ? error.message : String(error)]);
  } finally {
    button.disabled = false;
  }
}

element<HTMLFormElement>('filters').addEventListener('submit', (e) => {
  e.preventDefault();
  filter = readFilter();
  pages = [null];
  void showPage(null);
});
element('older').addEventListener('click', () => {
  if (nextBefore === null) return;
  pages.push(nextBefore);
  void showPage(nextBefore);
});
element('newer').addEventListener('click', () => {
  if (pages.length <= 1) return;
  pages.pop();
  void showPage(pages.at(-1) ?? null);
});
element('export-csv').addEventListener('click', () => void exportAll('csv'));
element('export-json').addEventListener('click', () => void exportAll('json'));
element('verify').addEventListener('click', () => {
  const out = element('verify-result');
  out.textContent = say('verifying');
  out.className = '';
  void send({ type: 'audit/verify' }).then((reply) => {
    if (!reply.ok) {
      out.textContent = reply.error.message;
      return;
    }
    const v = reply.data;
    out.className = v.ok ? 'ok' : 'bad';
    out.textContent = v.ok
      ? say('chainIntact', [fmt.number(v.checked)])
      : say('chainBroken', [String(v.brokenAt), v.reason ?? '']);
    element('chain-head').textContent = v.head ? say('chainHead', [String(v.head.seq), v.head.hash]) : '';
  });
});

void showPage(null);
