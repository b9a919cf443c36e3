/**
 * A large audit log for the benchmark: a valid hash chain of plausible
 * entries, generated here chunk by chunk and written into the extension's
 * IndexedDB (one readwrite transaction per chunk), so 1,000,000 entries never
 * sit in memory at once.
 */
import type { Harness } from '../../e2e/harness';
import type { ActionType, ResultCode, ResultStatus } from '../../contract/protocol';
import { GENESIS_HASH, entryHash, type AuditFields } from '../../src/store/audit-chain';
import type { AuditRecord } from '../../src/store/db';
import { BUCKET_OF } from '../../src/safety/limits';
import { mulberry32 as prng } from '../../src/shared/seeded-random';
import { auditTail, putAudit, waitForDatabase } from './idb';
import { ms } from './stats';

/** A plausible mix of action types (weights). */
const TYPE_MIX: ReadonlyArray<readonly [ActionType, number]> = [
  ['connect', 20],
  ['withdraw', 5],
  ['message', 15],
  ['react', 18],
  ['unreact', 2],
  ['comment', 8],
  ['follow_member', 8],
  ['unfollow_member', 2],
  ['follow_company', 5],
  ['unfollow_company', 1],
  ['share', 4],
  ['save', 9],
  ['unsave', 3],
];

export interface SeedOptions {
  count: number;
  /** seq of the first new entry. */
  firstSeq: number;
  /** Hash of the entry before the first new one (GENESIS_HASH for an empty log). */
  prevHash: string;
  /** `at` of the newest entry; older ones are `spacingMs` apart before it. */
  endAt: number;
  spacingMs: number;
  account: string;
  /** PRNG seed: each chunk of a large log gets its own, so chunks differ. */
  seed?: number;
}

/** Audit entries as the extension writes them (fields, prevHash, hash), with explicit seq, oldest first. */
export function seedEntries(o: SeedOptions): AuditRecord[] {
  const random = prng(o.seed ?? 0x5eed);
  const total = TYPE_MIX.reduce((n, [, w]) => n + w, 0);
  const pickType = (): ActionType => {
    let r = random() * total;
    for (const [type, w] of TYPE_MIX) {
      r -= w;
      if (r < 0) return type;
    }
    return 'connect';
  };
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const out: AuditRecord[] = [];
  let prevHash = o.prevHash;
  for (let i = 0; i < o.count; i++) {
    const type = pickType();
    const bucket = BUCKET_OF[type];
    const at = o.endAt - (o.count - 1 - i) * o.spacingMs;
    const person = `member-${Math.floor(random() * 5000)}`;
    const post = `urn:li:activity:7${digits(18)}`;
    const paramsSummary =
      type === 'connect'
        ? `profile=${person} note=${20 + Math.floor(random() * 200)} chars`
        : type === 'message'
          ? `profile=${person} text=${10 + Math.floor(random() * 400)} chars`
          : type === 'withdraw'
            ? random() < 0.5
              ? `invitation=urn:li:fsd_invitation:${digits(19)}`
              : `profile=${person}`
            : type === 'react'
              ? `post=${post} reaction=LIKE`
              : type === 'comment'
                ? `post=${post} text=${10 + Math.floor(random() * 300)} chars`
                : type.endsWith('company')
                  ? `company=company-${Math.floor(random() * 800)}`
                  : type.endsWith('member')
                    ? `profile=${person}`
                    : `post=${post}`;
    const r = random();
    const status: ResultStatus = r < 0.86 ? 'succeeded' : r < 0.92 ? 'deferred' : r < 0.96 ? 'failed' : 'refused';
    const code: ResultCode | null =
      status === 'succeeded'
        ? null
        : status === 'deferred'
          ? 'outbound_throttled'
          : status === 'failed'
            ? random() < 0.5
              ? 'linkedin_error'
              : 'not_found'
            : type === 'message'
              ? 'not_connected'
              : 'invalid_action';
    const message =
      status === 'succeeded'
        ? `${type.replace('_', ' ')} done`
        : status === 'deferred'
          ? `local throttle for ${bucket}: next slot ${new Date(at + 30_000).toISOString()}`
          : code === 'not_found'
            ? `${type}: not found on LinkedIn`
            : code === 'linkedin_error'
              ? `${type}: LinkedIn answered HTTP 500`
              : code === 'not_connected'
                ? `${person} is not a 1st-degree connection: distance DISTANCE_2`
                : 'params.profile: must not be empty';
    const sent = status === 'succeeded' || status === 'failed';
    const duration = 200 + Math.floor(random() * 1800);
    const fields: AuditFields = {
      at,
      actionId: `act_seed_${o.firstSeq + i}`,
      type,
      bucket,
      paramsSummary,
      idempotencyKey: `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
      requestedBy: {
        principal: `user_${Math.floor(random() * 7)}`,
        apiKeyId: `key_${Math.floor(random() * 3)}`,
        requestId: `req_seed_${o.firstSeq + i}`,
      },
      startedAt: at - duration,
      finishedAt: at,
      status,
      code,
      message,
      httpStatus: sent ? (status === 'succeeded' ? 200 : code === 'not_found' ? 404 : 500) : null,
      mutated: status === 'succeeded' || code === 'linkedin_error',
      linkedinRequests: sent || code === 'not_connected' ? 1 + Math.floor(random() * 2) : 0,
      account: o.account,
    };
    const hash = entryHash(prevHash, fields);
    out.push({ seq: o.firstSeq + i, ...fields, prevHash, hash });
    prevHash = hash;
  }
  return out;
}

export interface SeedReport {
  entries: number;
  totalAfter: number;
  chunkSize: number;
  /** Real milliseconds between entries' `at`. */
  spacingMs: number;
  /** What that spacing is at the build's time scale (nominal minutes), and the span it covers. */
  nominalSpacingMinutes: number;
  nominalSpanDays: number;
  generateMs: number;
  writeMs: number;
}

/** Seeds `count` entries continuing the extension's chain, in chunks of one readwrite transaction each. */
/** Seeds `count` entries continuing the extension's chain, `chunkSize` per transaction, newest `at` just now. */
export async function seedAudit(
  h: Harness,
  count: number,
  opts: { chunkSize: number; spacingMs: number; timeScale: number },
  log: (line: string) => void,
): Promise<SeedReport> {
  await waitForDatabase(h.worker, 30_000);
  const tail = await auditTail(await h.worker());
  const firstSeq = (tail.lastSeq ?? 0) + 1;
  const endAt = Date.now() - 1000;
  let prevHash = tail.lastHash ?? GENESIS_HASH;
  let generateMs = 0;
  let writeMs = 0;
  log(`  seeding ${count} chained entries, ${opts.chunkSize} per transaction…`);
  for (let done = 0; done < count; done += opts.chunkSize) {
    const n = Math.min(opts.chunkSize, count - done);
    const t0 = performance.now();
    const entries = seedEntries({
      count: n,
      firstSeq: firstSeq + done,
      prevHash,
      endAt: endAt - (count - done - n) * opts.spacingMs,
      spacingMs: opts.spacingMs,
      account: `urn:li:fsd_profile:${h.linkedin.viewer.tail}`,
      seed: 0x5eed + done / opts.chunkSize,
    });
    prevHash = entries.at(-1)?.hash ?? prevHash;
    const t1 = performance.now();
    await putAudit(await h.worker(), entries);
    generateMs += t1 - t0;
    writeMs += performance.now() - t1;
    if ((done / opts.chunkSize) % 40 === 39) log(`    ${done + n} written (${ms(writeMs)} ms writing so far)`);
  }
  const after = await auditTail(await h.worker());
  if (after.count !== tail.count + count)
    throw new Error(`seeding: expected ${tail.count + count} audit entries, found ${after.count}`);
  log(
    `  generated in ${ms(generateMs)} ms, written in ${ms(writeMs)} ms; the audit store holds ${after.count} entries`,
  );
  return {
    entries: count,
    totalAfter: after.count,
    chunkSize: opts.chunkSize,
    spacingMs: opts.spacingMs,
    nominalSpacingMinutes: (opts.spacingMs * opts.timeScale) / 60_000,
    nominalSpanDays: Math.round((((count - 1) * opts.spacingMs * opts.timeScale) / 86_400_000) * 10) / 10,
    generateMs: ms(generateMs),
    writeMs: ms(writeMs),
  };
}
