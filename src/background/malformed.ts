/**
 * A leased action whose envelope is malformed (no id, no idempotency key, bad
 * lease time) is never executed. With an id it is reported refused /
 * invalid_action; without one it can only be written to the audit log.
 */
import type { z } from 'zod';
import type { ActionResult } from '../../contract/protocol';
import type { Viewer } from '../actions/types';
import { recordUnadmitted } from '../store/jobs';
import { iso } from '../time';

function field(raw: unknown, key: string): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = (raw as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

export async function reportMalformed(raw: unknown, error: z.ZodError, now: () => number, viewer: Viewer): Promise<void> {
  const issue = error.issues[0];
  const message = `${['action', ...(issue?.path ?? [])].map(String).join('.')}: ${issue?.message ?? 'invalid'}`;
  const at = now();
  const actionId = field(raw, 'id');
  const idempotencyKey = field(raw, 'idempotencyKey') ?? '';
  const result: ActionResult = {
    idempotencyKey,
    status: 'refused',
    code: 'invalid_action',
    message,
    output: {},
    retryAt: null,
    attempts: 1,
    startedAt: iso(at),
    finishedAt: iso(at),
  };
  await recordUnadmitted(
    {
      at,
      actionId: actionId ?? '(none)',
      type: field(raw, 'type') ?? '(unknown)',
      bucket: 'none',
      paramsSummary: '(malformed envelope)',
      idempotencyKey,
      requestedBy: typeof raw === 'object' && raw !== null ? ((raw as Record<string, unknown>).requestedBy ?? null) : null,
      startedAt: at,
      finishedAt: at,
      status: 'refused',
      code: 'invalid_action',
      message,
      httpStatus: null,
      mutated: false,
      linkedinRequests: 0,
      account: viewer.memberUrn,
    },
    actionId ? { actionId, result } : null,
  );
}
