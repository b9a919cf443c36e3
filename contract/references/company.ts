/** A company reference: numeric id, company / organization URN, /company/ or /showcase/ URL, or a universal name. */
import {
  COMPANY_SLUG,
  decodedUrn,
  fail,
  linkedInPath,
  looksLikeUrl,
  ok,
  parseSlug,
  quote,
  showPath,
  trimmedString,
  urnType,
  type ParseResult,
} from './text';

export type CompanyRef = { kind: 'id'; id: string } | { kind: 'slug'; slug: string };

const COMPANY_URN = /^urn:li:(fsd_company|company|organization|fs_normalized_company):(.*)$/;
const COMPANY_ID = /^[1-9]\d{0,18}$/;
const COMPANY_EXPECTED =
  'expected a numeric company id, urn:li:fsd_company:<id>, urn:li:company:<id>, urn:li:organization:<id> or a /company/<slug>/ URL';

function companyId(id: string, where: string): ParseResult<CompanyRef> {
  return COMPANY_ID.test(id)
    ? ok({ kind: 'id', id })
    : fail(`${where} ${quote(id)} must be a positive integer (1..19 digits, no leading zero)`);
}

function parseCompanyUrl(s: string): ParseResult<CompanyRef> {
  const path = linkedInPath(s, 'company');
  if (!path.ok) return path;
  const [section, raw] = path.value;
  // Showcase pages are company pages under another path; the lookup takes their universal name alike.
  const kind = section?.toLowerCase();
  if (kind !== 'company' && kind !== 'showcase') {
    return fail(
      `not a LinkedIn company URL: expected a path /company/<slug>/ or /showcase/<slug>/, got ${showPath(path.value)}`,
    );
  }
  if (raw === undefined) return fail(`company URL has no slug after /${kind}/`);
  if (/^\d+$/.test(raw)) return companyId(raw, 'company id in URL');
  const slug = parseSlug(raw, COMPANY_SLUG);
  return slug.ok ? ok({ kind: 'slug', slug: slug.value }) : slug;
}

export function parseCompany(input: unknown): ParseResult<CompanyRef> {
  // Company ids stay well below 2^53, so a JSON number is safe to accept.
  if (typeof input === 'number') {
    return Number.isSafeInteger(input) && input > 0
      ? ok({ kind: 'id', id: String(input) })
      : fail(`company id ${input} must be a positive integer`);
  }
  const str = trimmedString(input);
  if (!str.ok) return str;
  const s = decodedUrn(str.value);
  if (s.startsWith('urn:')) {
    const m = COMPANY_URN.exec(s);
    if (!m) return fail(`${urnType(s)} is not a company URN; ${COMPANY_EXPECTED}`);
    return companyId(m[2] ?? '', `urn:li:${m[1] ?? ''}: id`);
  }
  if (/^\d+$/.test(s)) return companyId(s, 'company id');
  if (looksLikeUrl(s)) return parseCompanyUrl(s);
  // A bare universal name ("acme-corp") is what the URL would hold.
  const slug = parseSlug(s, COMPANY_SLUG, COMPANY_EXPECTED);
  return slug.ok ? ok({ kind: 'slug', slug: slug.value }) : slug;
}
