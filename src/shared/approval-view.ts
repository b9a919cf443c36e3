/**
 * The approval queue and the actions in hand, as the pages see them
 * (zod/mini: these schemas are new, and the worker's bundle is kept small).
 */
import { z } from '../../contract/zod';

export const approvalAuditSchema = z.object({
  decision: z.enum(['approved', 'rejected']),
  by: z.string(),
  at: z.number(),
});

export const IN_HAND_STATES_VIEW = ['awaiting_approval', 'approved', 'ready', 'running'] as const;

/** One action in hand: what it is, for whom, its words in full, and when it goes out. */
export const inHandItemSchema = z.object({
  /** The idempotency key: what Approve and Reject name. */
  key: z.string(),
  type: z.string(),
  /** The target as the backend named it (profile, post, company, invitation). */
  target: z.string(),
  /** The target's name, when the executor already knew it (never looked up for the popup). */
  targetName: z.nullable(z.string()),
  /** The words sent in the user's name, in full; null for an action without words. */
  text: z.nullable(z.string()),
  state: z.enum(IN_HAND_STATES_VIEW),
  /** Earliest moment it goes out (for one waiting for approval: if approved now); null: not in sight. */
  goesOutAt: z.nullable(z.number()),
  leaseExpiresAt: z.nullable(z.number()),
  requestedAt: z.nullable(z.number()),
});
export type InHandItem = z.infer<typeof inHandItemSchema>;

export const approvalsViewSchema = z.object({
  /** "Ask me before sending words in my name" is on. */
  mode: z.boolean(),
  pending: z.number(),
  oldestAt: z.nullable(z.number()),
});

/** The popup's Approve / Reject (one item, or "Approve all N" with the keys the user saw). */
export const approvalDecisionRequestSchema = z.object({
  type: z.literal('approval/decide'),
  decision: z.enum(['approve', 'reject']),
  keys: z.array(z.string().check(z.maxLength(200))).check(z.minLength(1), z.maxLength(100)),
});

export const approvalDecisionReplySchema = z.object({
  approved: z.number(),
  rejected: z.number(),
  /** Approved after the lease ran out: reported lease_expired, not run. */
  expired: z.number(),
  /** Already decided (another popup, a double click) or gone: nothing changed for these. */
  unchanged: z.number(),
});
