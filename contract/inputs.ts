/**
 * Pure parsers for the LinkedIn references an action's params may hold
 * (executor-protocol.md, "Action types and params"), one module per kind in
 * references/. Each returns a specific reason on failure; the caller prefixes
 * the field name.
 */
export { parseCompany, type CompanyRef } from './references/company';
export { parseInvitationUrn, type InvitationRef } from './references/invitation';
export { parsePost, parsePostsSlug, type PostRef } from './references/post';
export { parseProfile, type ProfileRef } from './references/profile';
export { encodeSlug, MAX_REFERENCE_LENGTH, type ParseResult } from './references/text';
