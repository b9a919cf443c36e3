/**
 * A problem (shared/problem.ts) in the user's language: its catalogue message and the
 * substitutions it takes, numbers written by Intl, buckets and a nested problem worded too.
 * Pure: the translator and the number format are parameters, so unit tests run on
 * `translator(en)` or `translator(de)` with a pinned locale.
 */
import { BUCKETS } from '../../../contract/protocol';
import type { MessageKey, Translate } from '../../i18n/catalog';
import type { LocaleFormat } from '../../i18n/locale-format';
import type { CheckField, Problem } from '../../shared/problem';
import { bucketLabel } from './action-labels';

/** A message to show: the catalogue key and its substitutions, in placeholder order ($1, $2, …). */
export interface Wording {
  key: MessageKey;
  substitutions: string[];
}

type Numbers = Pick<LocaleFormat, 'number'>;

/** "follows per day", as the options page names a limit's field in labels and problems. */
export function limitLabel(bucket: string, window: 'day' | 'week', t: Translate): string {
  return t(window === 'day' ? 'limitPerDay' : 'limitPerWeek', [bucketLabel(bucket, t)]);
}

const CHECK_FIELD_KEYS: Record<CheckField, MessageKey> = {
  profile: 'checkFieldProfile',
  company: 'checkFieldCompany',
  post: 'checkFieldPost',
};

export function problemWording(p: Problem, t: Translate, fmt: Numbers): Wording {
  const n = fmt.number;
  const say = (...substitutions: string[]): Wording => ({ key: p.key, substitutions });
  switch (p.key) {
    case 'problemUrlRequired':
    case 'problemUrlCredentials':
    case 'problemUrlNotOrigin':
    case 'problemUrlPlainHttp':
    case 'problemTokenRequired':
    case 'problemTokenCharacters':
    case 'problemWhNoDays':
    case 'problemWhBadTime':
    case 'problemWhSameTimes':
    case 'problemWhInvalid':
    case 'problemPolicyLimitsNotObject':
    case 'problemCheckSignedOut':
    case 'problemCheckNoViewer':
    case 'problemCheckNoTab':
    case 'problemCheckNotSent':
    case 'problemHoldChallenge':
    case 'problemHoldRateLimited':
    case 'problemResumeNeedsConfirm':
    case 'problemNotOwnPage':
    case 'problemBadAnswer':
      return say();
    case 'problemUrlNotUrl':
      return say(p.text);
    case 'problemUrlScheme':
      return say(p.scheme);
    case 'problemTokenTooLong':
      return say(n(p.max));
    case 'problemLimitUnknownBucket':
      return say(p.bucket);
    case 'problemLimitNoWindow':
    case 'problemLimitNotWhole':
      return say(limitLabel(p.bucket, p.window, t));
    case 'problemLimitAboveCeiling':
      return say(limitLabel(p.bucket, p.window, t), n(p.value), n(p.max));
    case 'problemLimitAbovePolicy':
      return say(limitLabel(p.bucket, p.window, t), n(p.value), n(p.cap));
    case 'problemSpacingRange':
      return say(n(p.min), n(p.max), n(p.messageMin));
    case 'problemWhUnknownZone':
      return say(p.zone);
    // Policy problems are for an administrator: keys, buckets and windows as the policy writes them.
    case 'problemPolicyUnknownKey':
    case 'problemPolicyNotString':
    case 'problemPolicyNotBoolean':
      return say(p.name);
    case 'problemPolicyIgnored':
      return say(p.name, problemText(p.problem, t, fmt));
    case 'problemPolicyUnknownBucket':
      return say(p.bucket, BUCKETS.join(', '));
    case 'problemPolicyLimitsNotWhole':
      return say(p.bucket);
    case 'problemPolicyNoWindow':
      return say(p.bucket, p.window);
    case 'problemCheckInput':
      return say(t(CHECK_FIELD_KEYS[p.field]), p.reason);
    case 'problemBadRequest':
      return say(p.path);
    case 'problemUnexpected':
    case 'problemNoAnswer':
      return say(p.detail);
    default: {
      const unknown: never = p;
      return unknown;
    }
  }
}

export function problemText(p: Problem, t: Translate, fmt: Numbers): string {
  const { key, substitutions } = problemWording(p, t, fmt);
  return t(key, substitutions);
}

/** Several problems (a form's limits), one after the other. */
export function problemsText(problems: readonly Problem[], t: Translate, fmt: Numbers): string {
  return problems.map((p) => problemText(p, t, fmt)).join('; ');
}
