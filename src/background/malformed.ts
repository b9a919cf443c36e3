/**
 * Leased actions that do not become jobs. A malformed envelope (no id, no
 * idempotency key, bad lease time, oversized fields) is never executed: with
 * a usable id it is reported refused / invalid_action; without one it can
 * only be written to the audit log. Actions beyond the lease request's `max`
 * are handed back deferred at once (executor-protocol.md, section 1).
 * Everything copied from such an action into the audit log is bounded first:
 * the backend, not the user, wrote it.
 */
import type { z } from '../../contract/zod';
import {
  ACTION_TYPE_MAX,
  REQUESTED_BY_MAX_BYTES,
  isPathSafeId,
  leasedActionSchema,
  type ActionResult,
  type LeasedAction,
} from '../../contract/protocol';
import type { Viewer } from '../actions/types';
import type { AuditFields } from '../store/audit-chain';
import { recordUnadmitted } from '../store/jobs';
import { iso } from '../time';

const ID_MAX = 200;

function field(raw: unknown, key: string): unknown {
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
}

/** A string field cut to `max` characters (marked), or null when it is not a string. */
function boundedString(raw: unknown, key: string, max: number): string | null {
  const value = field(raw, key);
  if (typeof value !== 'string') return null;
  return value.length > max ? `${value.slice(0, max)}…(${value.length} characters)` : value;
}

/** `requestedBy` as given when small enough, else a note saying how big it was. */
function boundedRequestedBy(raw: unknown): unknown {
  const value = field(raw, 'requestedBy');
  if (value === undefined) return null;
  let bytes: number;
  try {
    bytes = new TextEncoder().encode(JSON.stringify(value) ?? '').length;
  } catch {
    bytes = Number.POSITIVE_INFINITY;
  }
  return bytes <= REQUESTED_BY_MAX_BYTES ? value : `(omitted: over ${REQUESTED_BY_MAX_BYTES} bytes as JSON)`;
}

/** The action id a result may be posted under: only one that is safe in the URL path. */
function reportableId(raw: unknown): string | null {
  const id = field(raw, 'id');
  return typeof id === 'string' && isPathSafeId(id) ? id : null;
}

function auditOf(
  raw: unknown,
  at: number,
  viewer: Viewer | null,
  outcome: Pick<AuditFields, 'status' | 'code' | 'message' | 'paramsSummary'>,
): AuditFields {
  return {
    at,
    actionId: boundedString(raw, 'id', ID_MAX) ?? '(none)',
    type: boundedString(raw, 'type', ACTION_TYPE_MAX) ?? '(unknown)',
    bucket: 'none',
    idempotencyKey: boundedString(raw, 'idempotencyKey', ID_MAX) ?? '',
    requestedBy: boundedRequestedBy(raw),
    startedAt: at,
    finishedAt: at,
    httpStatus: null,
    mutated: false,
    linkedinRequests: 0,
    account: viewer?.memberUrn ?? null,
    ...outcome,
  };
}

/** The message naming the field, as `action.<path>: <problem>`. */
export function malformedMessage(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  return `${['action', ...(issue?.path ?? [])].map(String).join('.')}: ${issue?.message ?? 'invalid'}`;
}

export async function reportMalformed(
  raw: unknown,
  error: z.core.$ZodError,
  now: () => number,
  viewer: Viewer | null,
): Promise<void> {
  const message = malformedMessage(error);
  const at = now();
  const actionId = reportableId(raw);
  const idempotencyKey = boundedString(raw, 'idempotencyKey', ID_MAX) ?? '';
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
    auditOf(raw, at, viewer, {
      status: 'refused',
      code: 'invalid_action',
      message,
      paramsSummary: '(malformed envelope)',
    }),
    actionId ? { actionId, result } : null,
  );
}

/** One leased action the executor did not ask for (beyond `max`): handed back deferred, untouched. */
async function deferExcess(
  action: LeasedAction,
  max: number,
  now: () => number,
  viewer: Viewer | null,
  retryAt: number,
): Promise<void> {
  const at = now();
  const message = `more actions leased than the ${max} asked for; handed back unopened`;
  const result: ActionResult = {
    idempotencyKey: action.idempotencyKey,
    status: 'deferred',
    code: 'outbound_throttled',
    message,
    output: {},
    retryAt: iso(retryAt),
    attempts: 1,
    startedAt: iso(at),
    finishedAt: iso(at),
  };
  await recordUnadmitted(
    auditOf(action, at, viewer, {
      status: 'deferred',
      code: 'outbound_throttled',
      message,
      paramsSummary: '(not started)',
    }),
    { actionId: action.id, result },
  );
}

/**
 * Splits a lease answer: the first `max` entries are the caller's to admit;
 * every further one is settled here at once (deferred, or refused when its
 * envelope is malformed), so no more than `max` actions are ever in hand.
 */
export async function takeAtMost(
  actions: readonly unknown[],
  max: number,
  now: () => number,
  viewer: Viewer | null,
  retryAt: number,
): Promise<unknown[]> {
  for (const raw of actions.slice(max)) {
    const envelope = leasedActionSchema.safeParse(raw);
    if (envelope.success) await deferExcess(envelope.data, max, now, viewer, retryAt);
    else await reportMalformed(raw, envelope.error, now, viewer);
  }
  return actions.slice(0, max);
}
