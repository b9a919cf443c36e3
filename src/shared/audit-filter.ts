/** The audit page's filter: its schema (shared with the page) and the pure match. */
import { z } from '../../contract/zod';
import type { AuditRecord } from '../store/db';

export const auditFilterSchema = z.object({
  types: z._default(z.array(z.string()), []),
  statuses: z._default(z.array(z.string()), []),
  from: z._default(z.nullable(z.number()), null),
  to: z._default(z.nullable(z.number()), null),
  text: z._default(z.string(), ''),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export function matchesFilter(e: AuditRecord, f: AuditFilter, lowerText = f.text.trim().toLowerCase()): boolean {
  if (f.types.length > 0 && !f.types.includes(e.type)) return false;
  if (f.statuses.length > 0 && !f.statuses.includes(e.status)) return false;
  if (f.from !== null && e.at < f.from) return false;
  if (f.to !== null && e.at > f.to) return false;
  if (lowerText) {
    const haystack =
      `${e.actionId} ${e.type} ${e.paramsSummary} ${e.message} ${e.code ?? ''} ${e.idempotencyKey} ${JSON.stringify(e.requestedBy ?? null)}`.toLowerCase();
    if (!haystack.includes(lowerText)) return false;
  }
  return true;
}
