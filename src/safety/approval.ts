/**
 * Approval mode (executor-protocol.md, "Approval"): actions that send words
 * in the user's name wait for the user's explicit approval in the popup.
 * Pure: whether a job needs approval is a function of the action and the
 * settings in force (a policy overlay may force `approvalMode` on before
 * calling it), and what a waiting job's lease allows is a function of time.
 */
import { validateParams } from '../../contract/params';
import { actionTypeSchema, type ActionType } from '../../contract/protocol';

/** The types that can carry the user's words; `connect` and `share` only with a note or commentary. */
export const WORDY_TYPES: readonly ActionType[] = ['message', 'comment', 'connect', 'share'];

/** At most this many actions wait for approval at once; past it, wordy types leave `accept`. */
export const MAX_AWAITING_APPROVAL = 25;

export interface ApprovalSettings {
  approvalMode: boolean;
}

/**
 * True when this action must wait for the user: approval mode is on and the
 * action sends words (a message, a comment, an invitation with a note, a
 * repost with commentary). An action whose params are invalid needs none:
 * it is refused `invalid_action` without ever being shown.
 */
export function needsApproval(action: { type: string; params: unknown }, settings: ApprovalSettings): boolean {
  if (!settings.approvalMode) return false;
  const type = actionTypeSchema.safeParse(action.type);
  if (!type.success || !WORDY_TYPES.includes(type.data)) return false;
  const parsed = validateParams(type.data, action.params);
  if (!parsed.ok) return false;
  const params = parsed.params as { note?: string | null; commentary?: string | null };
  if (type.data === 'connect') return Boolean(params.note);
  if (type.data === 'share') return Boolean(params.commentary);
  return true;
}

/** The words the action would send in the user's name, in full (null: none). */
export function wordsOf(action: { type: string; params: unknown }): string | null {
  const p = (action.params ?? {}) as Record<string, unknown>;
  const text = action.type === 'connect' ? p['note'] : action.type === 'share' ? p['commentary'] : p['text'];
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : null;
}

/** The target as the backend named it (a profile slug or URL, a post, a company, an invitation). */
export function targetOf(action: { params: unknown }): string {
  const p = (action.params ?? {}) as Record<string, unknown>;
  for (const field of ['profile', 'post', 'company', 'invitationUrn'] as const) {
    const value = p[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return '(no target)';
}

export function leaseExpiryOf(action: { leaseExpiresAt?: string | undefined }): number {
  return action.leaseExpiresAt ? Date.parse(action.leaseExpiresAt) : Number.POSITIVE_INFINITY;
}

/** An approval decided once its lease has run out cannot start a write: it is `lease_expired`. */
export function leaseRanOut(action: { leaseExpiresAt?: string | undefined }, now: number): boolean {
  return now > leaseExpiryOf(action);
}

/** The heartbeat's `approvals`: how many wait, and since when the oldest. */
export function approvalsSummary(requestedAts: readonly number[]): { pending: number; oldestAt: string | null } {
  const oldest = requestedAts.length === 0 ? null : Math.min(...requestedAts);
  return { pending: requestedAts.length, oldestAt: oldest === null ? null : new Date(oldest).toISOString() };
}
