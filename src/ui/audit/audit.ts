/** The audit page: filtered, paged table; CSV/JSON export (export.ts); chain verification (verify.ts). */
// First: zod must be jitless before any schema module runs.
import '../../zod-jitless';
import type { AuditRow } from '../../shared/messages';
import type { AuditFilter } from '../../shared/audit-filter';
import { send } from '../shared/send';
import { errorText, fmt, localizePage, t as say } from '../shared/i18n';
import { actionTypeOptions, statusText } from '../shared/action-labels';
import { chainVerdictText } from './chain-text';
import { exportAudit } from './export';
import { verifyChain } from './verify';
import { elementsOf } from '../shared/element';

const PAGE = 100;

const element = elementsOf('audit page');

localizePage();
const typeSelect = element<HTMLSelectElement>('f-type');
for (const { value, label } of actionTypeOptions(say)) typeSelect.append(new Option(label, value));

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
    element('summary').textContent = errorText(reply.error);
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
  try {
    const { parts, rows } = await exportAudit(filter, kind, (n) => {
      element('summary').textContent = say('exporting', [fmt.number(n)]);
    });
    const blob = new Blob(parts, { type: kind === 'csv' ? 'text/csv' : 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `audit-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.${kind}`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    element('summary').textContent = say('exported', [fmt.number(rows), kind.toUpperCase()]);
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
  verifyChain().then(
    (v) => {
      out.className = v.ok ? 'ok' : 'bad';
      out.textContent = chainVerdictText(v, say, fmt);
      element('chain-head').textContent = v.head ? say('chainHead', [String(v.head.seq), v.head.hash]) : '';
    },
    (error: unknown) => {
      out.textContent = say('verifyFailed', [error instanceof Error ? error.message : String(error)]);
    },
  );
});

void showPage(null);
