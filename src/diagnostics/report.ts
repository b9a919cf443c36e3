/**
 * The "Copy report" of Check LinkedIn: what a maintainer needs to see that
 * LinkedIn moved something (which read, which variant, which status, which
 * key paths and types), and nothing about the person who ran it. The probes
 * already report shapes, never values; this is the second line of defence,
 * because the report leaves the browser (pasted into an issue or a chat):
 * every string is scrubbed of anything that looks like an identifier, and of
 * the values the caller knows to be personal (the inputs, the own slug). Pure.
 */
import type { MessageKey, Translate } from '../i18n/catalog';
import { type ProbeNote, UNREADABLE_ANSWER } from './probe-note';
import type { ProbeInputs, ProbeResult, ProbeStatus } from './probes';

export const REPORT_KIND = 'outbound-executor/check-linkedin';

/** A probe's result as the report carries it: scrubbed, the note and the unreadable answer's line in English. */
export interface ReportResult {
  endpoint: string;
  variant?: string;
  status: ProbeStatus;
  httpStatus: number | null;
  unexpected: string[];
  note?: string;
}

/**
 * A probe's note as the report says it: in English whatever the page's language, as a maintainer
 * reads it (the options page words it in the user's; the en catalogue holds the same sentences).
 */
export const REPORT_NOTE_TEXT: Record<ProbeNote, string> = {
  companyIdNotSlug: 'the company lookup takes a company page name, not an id',
  profileNeeded: 'name a profile (someone you know) to check the relationship read',
  profileNotFound: 'the profile you named could not be looked up',
  postNeededReactions: 'name a post to check the reaction read-back',
  postNeededComments: 'name a post to check the comment read-back',
};

export interface CheckReport {
  kind: typeof REPORT_KIND;
  version: string;
  checkedAt: string;
  stoppedBy: string | null;
  results: ReportResult[];
}

export interface CheckRun {
  results: readonly ProbeResult[];
  stoppedBy: string | null;
  checkedAt: string;
}

export interface ReportOptions {
  /** The extension's version. */
  version: string;
  /** Values known to be personal (what the user typed, the own slug): removed wherever they appear. */
  personal?: readonly string[];
}

// Order matters: an e-mail or a URN holds digits that would otherwise be masked piecemeal.
const SCRUBBERS: readonly [RegExp, string][] = [
  [/[^\s@"'<>()[\]{},;]+@[^\s@"'<>()[\]{},;]+\.[A-Za-z]{2,}/g, '<email>'],
  // A URN runs to the next space or quote: nested URNs ("(urn:li:activity:1,FEED)") go whole.
  [/urn(?::|%3A)[^\s"'<>]*/gi, '<urn>'],
  // Profile ids (ACoA…), and the ACwA… form some member ids take.
  [/AC[ow]A[A-Za-z0-9_-]*/g, '<profile id>'],
  [/\d{6,}/g, '<n>'],
];

/** Shorter values are too common to be telling ("hr") and would mangle key paths. */
const MIN_PERSONAL_LENGTH = 3;
const MAX_TEXT = 300;
const MAX_LINES = 80;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` without identifiers, e-mail addresses or any of `personal`. */
export function scrub(text: string, personal: readonly string[] = []): string {
  let out = text;
  for (const value of personal) {
    const trimmed = value.trim();
    if (trimmed.length >= MIN_PERSONAL_LENGTH) out = out.replace(new RegExp(escapeRegExp(trimmed), 'gi'), '<redacted>');
  }
  for (const [pattern, placeholder] of SCRUBBERS) out = out.replace(pattern, placeholder);
  return out.length > MAX_TEXT ? `${out.slice(0, MAX_TEXT - 1)}…` : out;
}

/**
 * The report, keys always in the same order (so two reports diff cleanly);
 * `variant` and `note` only when the probe gave them.
 */
export function buildReport(run: CheckRun, options: ReportOptions): CheckReport {
  const personal = options.personal ?? [];
  // Endpoint and variant names come from this code, not from LinkedIn: a user whose slug is
  // "profile" must not blank out "profile lookup". They still pass the identifier scrubbers.
  const ours = (s: string): string => scrub(s);
  const theirs = (s: string): string => scrub(s, personal);
  return {
    kind: REPORT_KIND,
    version: ours(options.version),
    checkedAt: ours(run.checkedAt),
    stoppedBy: run.stoppedBy === null ? null : ours(run.stoppedBy),
    results: run.results.map((r) => ({
      endpoint: ours(r.endpoint),
      ...(r.variant !== undefined ? { variant: ours(r.variant) } : {}),
      status: r.status,
      httpStatus: r.httpStatus,
      unexpected: [...(r.unreadable ? [UNREADABLE_ANSWER] : []), ...r.unexpected].slice(0, MAX_LINES).map(theirs),
      ...(r.note !== undefined ? { note: theirs(REPORT_NOTE_TEXT[r.note]) } : {}),
    })),
  };
}

/** The values of the parsed inputs (slugs, ids, URNs), to pass as `personal` beside what was typed. */
export function inputValues(inputs: ProbeInputs): string[] {
  const { profile, company, post } = inputs;
  return [
    ...(profile
      ? profile.kind === 'slug'
        ? [profile.slug]
        : profile.kind === 'member'
          ? [profile.memberId]
          : [profile.urn, profile.tail]
      : []),
    ...(company ? [company.kind === 'slug' ? company.slug : company.id] : []),
    ...(post ? [post.threadUrn, post.id] : []),
  ];
}

/** The result as shown: a word, never a colour alone. */
export const STATUS_TEXT: Record<ProbeStatus, MessageKey> = {
  ok: 'probeOk',
  changed: 'probeChanged',
  failed: 'probeFailed',
  skipped: 'probeSkipped',
};

/** "7 OK, 1 changed, 0 failed, 2 skipped", in the user's language. */
export function summaryLine(
  results: readonly Pick<ProbeResult, 'status'>[],
  t: Translate,
  number: (n: number) => string = String,
): string {
  const count = (status: ProbeStatus): number => results.filter((r) => r.status === status).length;
  return (['ok', 'changed', 'failed', 'skipped'] as const)
    .map((s) => t('probeCount', [number(count(s)), t(STATUS_TEXT[s])]))
    .join(', ');
}
