/**
 * Why a Check LinkedIn probe was skipped or what else it found, as a code: the options page
 * words it in the user's language, the copied report and the backend get English (data).
 */

export const PROBE_NOTES = [
  'companyIdNotSlug',
  'profileNeeded',
  'profileNotFound',
  'postNeededReactions',
  'postNeededComments',
] as const;
export type ProbeNote = (typeof PROBE_NOTES)[number];

/**
 * The line before the shape of an answer the executor cannot read, in the copied report and in a
 * still-suspended type's reason sent to the backend (data, so English); the page words it itself.
 */
export const UNREADABLE_ANSWER = 'the executor cannot read this answer; its shape:';
