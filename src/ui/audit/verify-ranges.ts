/**
 * Verify chain dealt out in chunks: the log's seq range is cut into ranges of
 * about `chunk` entries, dealt out to lanes (the audit page's workers, deal.ts)
 * and the verdicts joined (store/audit-verify.ts). Ranges after a break found
 * inside a range are left undone: they cannot change the verdict.
 */
import type { SeqBounds } from '../../store/audit-read';
import { joinVerdicts, splitBounds, type LogVerdict, type RangeVerdict } from '../../store/audit-verify';
import { dealOut } from './deal';

export type VerifyLane = (range: SeqBounds) => Promise<RangeVerdict>;

export async function verifyInRanges(
  bounds: SeqBounds,
  lanes: readonly VerifyLane[],
  { chunk, perLane }: { chunk: number; perLane: number },
): Promise<LogVerdict> {
  const ranges = splitBounds(bounds, Math.ceil((bounds.last - bounds.first + 1) / Math.max(1, chunk)));
  let brokenAt = Number.POSITIVE_INFINITY;
  const watched = lanes.map((lane) => async (range: SeqBounds): Promise<RangeVerdict> => {
    const v = await lane(range);
    if (!v.ok) brokenAt = Math.min(brokenAt, v.brokenAt ?? range.first);
    return v;
  });
  const verdicts = await dealOut(ranges, watched, { perLane, skip: (r) => r.first > brokenAt });
  // Undone ranges all lie after a broken one, where the join stops.
  return joinVerdicts(verdicts.filter((v) => v !== undefined));
}
