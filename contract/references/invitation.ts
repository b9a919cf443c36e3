/** An invitation reference: urn:li:fsd_invitation:<id> (or the legacy urn:li:invitation:<id>). */
import { decodedUrn, fail, ok, quote, trimmedString, urnType, type ParseResult } from './text';

export type InvitationRef = { urn: string; id: string };

const INVITATION_URN = /^urn:li:(fsd_invitation|invitation):(.*)$/;

export function parseInvitationUrn(input: unknown): ParseResult<InvitationRef> {
  const str = trimmedString(input);
  if (!str.ok) return str;
  const s = decodedUrn(str.value);
  const m = INVITATION_URN.exec(s);
  if (!m) {
    return fail(
      `${s.startsWith('urn:') ? `${urnType(s)} is not an invitation URN` : `${quote(s)} is not a URN`}; expected urn:li:fsd_invitation:<id>`,
    );
  }
  const id = m[2] ?? '';
  if (!/^\d{1,25}$/.test(id)) return fail(`urn:li:${m[1] ?? ''}: id ${quote(id)} must be 1..25 digits`);
  // The legacy urn:li:invitation: names the same invitation; the dash API wants fsd.
  return ok({ urn: `urn:li:fsd_invitation:${id}`, id });
}
