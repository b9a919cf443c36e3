/**
 * What Check LinkedIn's table lists for a probe beside its status: the unexpected verdicts, key
 * paths and types as they came (identifiers), the worker's notes in the user's language. Pure.
 */
import type { MessageKey, Translate } from '../../i18n/catalog';
import type { ProbeNote } from '../../diagnostics/probe-note';
import type { ProbeResult } from '../../diagnostics/probes';

export const PROBE_NOTE_KEYS: Record<ProbeNote, MessageKey> = {
  companyIdNotSlug: 'probeNoteCompanyId',
  profileNeeded: 'probeNoteProfileNeeded',
  profileNotFound: 'probeNoteProfileNotFound',
  postNeededReactions: 'probeNotePostReactions',
  postNeededComments: 'probeNotePostComments',
};

export interface ProbeLine {
  text: string;
  /** The probe's explanation, not a key path: set apart from the shape lines. */
  note: boolean;
}

export function probeLines(r: Pick<ProbeResult, 'unexpected' | 'unreadable' | 'note'>, t: Translate): ProbeLine[] {
  return [
    ...(r.unreadable ? [{ text: t('probeUnreadable'), note: false }] : []),
    ...r.unexpected.map((text) => ({ text, note: false })),
    ...(r.note ? [{ text: t(PROBE_NOTE_KEYS[r.note]), note: true }] : []),
  ];
}
