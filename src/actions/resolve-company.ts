/**
 * Company reference → numeric company id. A slug needs a lookup:
 * `GET organization/companies?q=universalName` (confidence medium: one or two
 * current clients; decoration WebFullCompanyMain-12). Cached 7 days.
 */
import { z } from 'zod';
import { DAY } from '../time';
import { elementUrns } from '../voyager/normalized';
import { encodeSlug, type CompanyRef } from '../../contract/inputs';
import { failureOutcome, type ActionContext, type Outcome } from './types';

export const COMPANY_DECORATION = 'com.linkedin.voyager.deco.organization.web.WebFullCompanyMain-12';
const COMPANY_CACHE_TTL_MS = 7 * DAY;

export function companyLookupPath(slug: string): string {
  return `/organization/companies?decorationId=${COMPANY_DECORATION}&q=universalName&universalName=${encodeSlug(slug)}`;
}

export function parseCompanyLookup(json: unknown): string | undefined {
  const [urn] = elementUrns(json);
  return urn ? /^urn:li:(?:fs_normalized_company|fsd_company|company):(\d+)$/.exec(urn)?.[1] : undefined;
}

export async function resolveCompany(
  ref: CompanyRef,
  ctx: ActionContext,
): Promise<{ ok: true; id: string } | { ok: false; outcome: Outcome }> {
  if (ref.kind === 'id') return { ok: true, id: ref.id };
  const cacheKey = `company:slug:${ref.slug.toLowerCase()}`;
  const cached = await ctx.cache.get(cacheKey, (v) => z.string().safeParse(v).data);
  if (cached) return { ok: true, id: cached };
  const what = `company "${ref.slug}"`;
  const verdict = await ctx.voyager.call({ method: 'GET', path: companyLookupPath(ref.slug) });
  if (verdict.kind !== 'ok') return { ok: false, outcome: failureOutcome(verdict, what) };
  const id = parseCompanyLookup(verdict.json);
  if (!id) return { ok: false, outcome: { status: 'failed', code: 'not_found', message: `${what}: not found on LinkedIn`, output: {} } };
  await ctx.cache.put(cacheKey, id, COMPANY_CACHE_TTL_MS);
  return { ok: true, id };
}
