/** The action as the public API shows it (outbound-api.md, "The action"). */
import type { ActionRow } from '../storage/rows';

export const FINAL_STATUSES = ['succeeded', 'failed', 'refused', 'cancelled'] as const;
export type ActionStatus = 'queued' | 'leased' | (typeof FINAL_STATUSES)[number];

export interface ResultView {
  status: string;
  code: string | null;
  message: string;
  output: Record<string, unknown>;
  finishedAt: string;
}

export interface ActionView {
  id: string;
  type: string;
  params: unknown;
  status: ActionStatus;
  account: string | null;
  createdAt: string;
  updatedAt: string;
  attempts: number;
  result: ResultView | null;
  nextAttemptAt: string | null;
}

export function isFinal(status: string): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

function resultView(stored: unknown): ResultView | null {
  if (stored === null || typeof stored !== 'object') return null;
  const r = stored as Record<string, unknown>;
  return {
    status: String(r['status']),
    code: typeof r['code'] === 'string' ? r['code'] : null,
    message: typeof r['message'] === 'string' ? r['message'] : '',
    output: typeof r['output'] === 'object' && r['output'] !== null ? (r['output'] as Record<string, unknown>) : {},
    finishedAt: typeof r['finishedAt'] === 'string' ? r['finishedAt'] : '',
  };
}

export function actionView(row: ActionRow, now: Date): ActionView {
  // A lease that ran out puts the action back in the queue (the next lease takes it).
  const expired = row.status === 'leased' && row.lease_expires_at !== null && row.lease_expires_at <= now;
  return {
    id: row.id,
    type: row.type,
    params: row.params,
    status: (expired ? 'queued' : row.status) as ActionStatus,
    account: row.account_urn,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    attempts: row.attempts,
    result: resultView(row.result),
    nextAttemptAt: row.next_attempt_at ? row.next_attempt_at.toISOString() : null,
  };
}
