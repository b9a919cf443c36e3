/**
 * Options → Check LinkedIn: the user's inputs are checked here first (a bad
 * value is named inline and nothing is sent), the worker runs the read-only
 * probes, and the results stay on this page until "Copy report" turns them
 * into a report with no personal data (diagnostics/report.ts).
 */
import browser from 'webextension-polyfill';
import { STATUS_TEXT, buildReport, inputValues, summaryLine, type CheckRun } from '../../diagnostics/report';
import { parseCheckInputs, type ReplyData } from '../../shared/messages';
import { CHECK_FIELDS, type CheckField } from '../../shared/problem';
import { send } from '../shared/send';
import type { MessageKey } from '../../i18n/catalog';
import { errorText, fmt, t } from '../shared/i18n';
import { problemText } from '../shared/problem-text';
import { elementsOf } from '../shared/element';
import { probeLines } from './probe-lines';

type ProbeRow = ReplyData<'linkedin/check'>['results'][number];

/** What a LinkedIn stop (verdict kind) means, said plainly. */
const STOP_TEXT: Record<string, MessageKey> = {
  challenge: 'stopChallenge',
  session_expired: 'stopSessionExpired',
  rate_limited: 'stopRateLimited',
};

const element = elementsOf('options page');

function cell(text: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

function resultRow(r: ProbeRow): HTMLTableRowElement {
  const tr = document.createElement('tr');
  const endpoint = document.createElement('th');
  endpoint.scope = 'row';
  endpoint.textContent = r.endpoint;
  const result = cell(t(STATUS_TEXT[r.status]));
  result.className = `result-${r.status}`;
  const unexpected = document.createElement('td');
  const lines = probeLines(r, t);
  if (lines.length > 0) {
    const list = document.createElement('ul');
    list.className = 'lines';
    list.append(
      ...lines.map((line) => {
        const li = document.createElement('li');
        li.textContent = line.text;
        if (line.note) li.className = 'note';
        return li;
      }),
    );
    unexpected.append(list);
  } else unexpected.textContent = '–';
  tr.append(
    endpoint,
    cell(r.variant ?? '–'),
    result,
    cell(r.httpStatus === null ? '–' : String(r.httpStatus)),
    unexpected,
  );
  return tr;
}

export interface CheckLinkedInOptions {
  /** The signed-in account as the options page last saw it: its slug never goes into a report. */
  account: () => { memberUrn: string; publicIdentifier: string | null } | null;
}

export function setUpCheckLinkedIn(options: CheckLinkedInOptions): void {
  const form = element<HTMLFormElement>('check');
  const runButton = element<HTMLButtonElement>('check-run');
  const copyButton = element<HTMLButtonElement>('copy-report');
  const status = element('check-status');
  const problem = element('check-error');
  const copyResult = element('copy-result');
  const table = element<HTMLTableElement>('check-results');
  const input = (field: CheckField) => element<HTMLInputElement>(`check-${field}`);
  const fieldError = (field: CheckField) => element(`check-${field}-error`);
  let lastRun: CheckRun | null = null;
  // What the user typed for the last run, raw and parsed: kept only to strip it from the report.
  let lastPersonal: string[] = [];

  function showFieldErrors(errors: readonly { field: string; text: string }[]): void {
    for (const field of CHECK_FIELDS) {
      const error = errors.find((e) => e.field === field);
      fieldError(field).textContent = error?.text ?? '';
      input(field).setAttribute('aria-invalid', String(Boolean(error)));
    }
    const first = CHECK_FIELDS.find((field) => errors.some((e) => e.field === field));
    if (first) input(first).focus();
  }

  function showRun(run: CheckRun): void {
    table.querySelector('tbody')?.replaceChildren(...run.results.map(resultRow));
    table.hidden = false;
    status.textContent = summaryLine(run.results, t, fmt.number);
    const stop = run.stoppedBy ? STOP_TEXT[run.stoppedBy] : undefined;
    problem.textContent = run.stoppedBy ? t('checkStopped', [stop ? t(stop) : run.stoppedBy]) : '';
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (runButton.disabled) return;
    copyResult.textContent = '';
    problem.textContent = '';
    const raw = { profile: input('profile').value, company: input('company').value, post: input('post').value };
    const parsed = parseCheckInputs(raw);
    showFieldErrors(parsed.ok ? [] : parsed.errors.map((p) => ({ field: p.field, text: problemText(p, t, fmt) })));
    if (!parsed.ok) {
      status.textContent = '';
      return;
    }
    // Old results under a new run (or its error) would read as the new answer.
    lastRun = null;
    table.hidden = true;
    copyButton.disabled = true;
    const hadFocus = document.activeElement === runButton;
    runButton.disabled = true;
    status.textContent = t('checking');
    void send({ type: 'linkedin/check', ...raw })
      .then((reply) => {
        if (!reply.ok) {
          status.textContent = '';
          if (reply.error.field) showFieldErrors([{ field: reply.error.field, text: errorText(reply.error) }]);
          else problem.textContent = errorText(reply.error);
          return;
        }
        lastRun = reply.data;
        lastPersonal = [...Object.values(raw), ...inputValues(parsed.inputs)];
        copyButton.disabled = false;
        showRun(reply.data);
      })
      .finally(() => {
        runButton.disabled = false;
        // Disabling the focused button drops focus to the page: give it back to a keyboard user.
        if (hadFocus && document.activeElement === document.body) runButton.focus();
      });
  });

  copyButton.addEventListener('click', () => {
    if (!lastRun) return;
    const account = options.account();
    const personal = [...lastPersonal, ...(account?.publicIdentifier ? [account.publicIdentifier] : [])];
    const report = buildReport(lastRun, { version: browser.runtime.getManifest().version, personal });
    copyResult.textContent = '';
    // Through a promise chain: a missing clipboard API throws at once, and that is shown too.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(`${JSON.stringify(report, null, 2)}\n`))
      .then(
        () => {
          copyResult.className = 'ok';
          copyResult.textContent = t('copied');
        },
        (error: unknown) => {
          copyResult.className = 'error';
          copyResult.textContent = t('copyFailed', [error instanceof Error ? error.message : String(error)]);
        },
      );
  });
}
