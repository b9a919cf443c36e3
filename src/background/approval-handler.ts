/**
 * The popup's Approve / Reject / "Approve all N". Each key is settled by a
 * compare-and-set (store/approvals.ts): a second click, or a second popup,
 * changes nothing. Approved jobs run at the next pass, under the throttles.
 */
import type { z } from '../../contract/zod';
import type { approvalDecisionReplySchema, approvalDecisionRequestSchema } from '../shared/approval-view';
import { settleApproval } from '../store/approvals';
import { LOCAL_USER } from '../store/db';
import { notifyFirstExpiry } from './approval-step';
import { refreshApprovalBadge } from './badge';
import { approvalEndRecords } from './finish-records';
import { loadRuntime } from './runtime';

export type ApprovalDecision = z.infer<typeof approvalDecisionRequestSchema>;
export type ApprovalDecisionReply = z.infer<typeof approvalDecisionReplySchema>;

export async function decideApprovals(req: ApprovalDecision, now: () => number): Promise<ApprovalDecisionReply> {
  const runtime = await loadRuntime();
  const build = approvalEndRecords(runtime.viewer?.memberUrn ?? runtime.boundAccount?.memberUrn ?? null);
  const reply: ApprovalDecisionReply = { approved: 0, rejected: 0, expired: 0, unchanged: 0 };
  // Each key once, even if the page sent it twice.
  for (const key of new Set(req.keys)) {
    const settled = await settleApproval(key, req.decision, now(), LOCAL_USER, build);
    if (settled.kind === 'not_waiting') reply.unchanged++;
    else reply[settled.kind]++;
  }
  await refreshApprovalBadge();
  if (reply.expired > 0) await notifyFirstExpiry(reply.expired);
  return reply;
}
