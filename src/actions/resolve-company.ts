/**
 * Company reference → numeric company id, and the company's following state
 * (voyager-reference.md v2, "Company slug → id", medium-high; TQ, served 2026-09):
 *   GET /voyager/api/organization/companies?decorationId=com.linkedin.voyager.deco.organization.web.WebFullCompanyMain-12&q=universalName&universalName=<slug>
 *   → *elements[0] = urn:li:fs_normalized_company:<id>, with followingInfo.following
 * Slug lookups are cached 7 days. 404 or `[]` is "not found"; an answer this
 * client cannot read is drift, never "not found".
 */
import { z } from '../../contract/zod';
import { encodeSlug, type CompanyRef } from '../../contract/inputs';
import { DAY } from '../time';
import { dataOf, elementUrns, entityByUrn, isRecord } from '../voyager/normalized';
import { exhaustedOutcome, failureOutcome, unreadableOutcome, type ActionContext, type Outcome } from './types';
import { callAttempt, runVariants } from './variants';

export const COMPANY_LOOKUP = 'company lookup';
export const COMPANY_DECORATION = 'com.linkedin.voyager.deco.organization.web.WebFullCompanyMain-12';
const COMPANY_CACHE_TTL_MS = 7 * DAY;

export function companyLookupPath(slug: string): string {
  return `/organization/companies?decorationId=${COMPANY_DECORATION}&q=universalName&universalName=${encodeSlug(slug)}`;
}

/** The company's id and following state; null = none by that name; undefined = unreadable. */
export function parseCompanyLookup(json: unknown): { id: string; following: boolean | null } | null | undefined {
  if (!dataOf(json)) return undefined;
  const [urn] = elementUrns(json);
  if (!urn)
    return Array.isArray(dataOf(json)?.['*elements']) || Array.isArray(dataOf(json)?.elements) ? null : undefined;
  const id = /^urn:li:(?:fs_normalized_company|fsd_company|company):(\d+)$/.exec(urn)?.[1];
  if (!id) return undefined;
  const company = entityByUrn(json, urn);
  const info = company?.followingInfo;
  const following = isRecord(info) && typeof info.following === 'boolean' ? info.following : null;
  return { id, following };
}

async function lookupCompany(
  ctx: ActionContext,
  slug: string,
): Promise<{ ok: true; id: string; following: boolean | null } | { ok: false; outcome: Outcome }> {
  const what = `company "${slug}"`;
  const result = await runVariants(ctx, COMPANY_LOOKUP, [
    {
      name: 'WebFullCompanyMain-12',
      attempt: () =>
        callAttempt(() => ctx.linkedin.call({ method: 'GET', path: companyLookupPath(slug) }), {
          notFoundIsAnswer: true,
        }),
    },
  ]);
  if (result.kind === 'exhausted') return { ok: false, outcome: exhaustedOutcome(COMPANY_LOOKUP, result, what) };
  const verdict = result.value;
  if (verdict.kind !== 'ok') return { ok: false, outcome: failureOutcome(verdict, what, COMPANY_LOOKUP) };
  const found = parseCompanyLookup(verdict.json);
  if (found === null)
    return {
      ok: false,
      outcome: { status: 'failed', code: 'not_found', message: `${what}: not found on LinkedIn`, output: {} },
    };
  if (found === undefined)
    return { ok: false, outcome: unreadableOutcome(COMPANY_LOOKUP, verdict.status, 'no company element') };
  return { ok: true, ...found };
}

export async function resolveCompany(
  ref: CompanyRef,
  ctx: ActionContext,
): Promise<{ ok: true; id: string } | { ok: false; outcome: Outcome }> {
  if (ref.kind === 'id') return { ok: true, id: ref.id };
  const cacheKey = `company:slug:${ref.slug.toLowerCase()}`;
  const cached = await ctx.cache.get(cacheKey, (v) => z.string().safeParse(v).data);
  if (cached) return { ok: true, id: cached };
  const found = await lookupCompany(ctx, ref.slug);
  if (!found.ok) return found;
  await ctx.cache.put(cacheKey, found.id, COMPANY_CACHE_TTL_MS);
  return { ok: true, id: found.id };
}

/** Whether the viewer follows the company now (the read-back); a string says why it is unknown. */
export async function readCompanyFollowing(ctx: ActionContext, slug: string): Promise<boolean | string> {
  const found = await lookupCompany(ctx, slug);
  if (!found.ok) return found.outcome.message;
  return found.following ?? 'the company lookup carried no following state';
}
