import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/catalog';
import { localeFormat } from '../../i18n/locale-format';
import { problemSchema, replyErrorSchema } from '../../shared/problem';
import de from '../../../public/_locales/de/messages.json';
import en from '../../../public/_locales/en/messages.json';
import { PROBLEM_SAMPLES } from './problem-samples';
import { problemText, problemWording, problemsText } from './problem-text';

const english = { t: translator(en), fmt: localeFormat('en-US') };
const german = { t: translator(de), fmt: localeFormat('de-DE') };
const say = (lang: typeof english, p: Parameters<typeof problemText>[0]) => problemText(p, lang.t, lang.fmt);

describe('problemWording: a problem is a catalogue key and its substitutions', () => {
  it('maps each kind to its own key, numbers through Intl, the limit named as the options page names it', () => {
    expect(problemWording(PROBLEM_SAMPLES.problemLimitAbovePolicy, english.t, english.fmt)).toEqual({
      key: 'problemLimitAbovePolicy',
      substitutions: ['invitations per week', '1,200', '1,000'],
    });
    expect(problemWording(PROBLEM_SAMPLES.problemLimitAbovePolicy, german.t, german.fmt)).toEqual({
      key: 'problemLimitAbovePolicy',
      substitutions: ['Einladungen pro Woche', '1.200', '1.000'],
    });
    expect(problemWording(PROBLEM_SAMPLES.problemUrlRequired, english.t, english.fmt)).toEqual({
      key: 'problemUrlRequired',
      substitutions: [],
    });
  });

  it('every sample is a problem the pages accept from the worker', () => {
    for (const sample of Object.values(PROBLEM_SAMPLES)) expect(problemSchema.safeParse(sample).success).toBe(true);
    expect(problemSchema.safeParse({ key: 'problemLimitAboveCeiling', bucket: 'follows' }).success).toBe(false);
    expect(problemSchema.safeParse({ key: 'Executor token is required.' }).success).toBe(false);
    expect(replyErrorSchema.safeParse({ problems: [], field: 'token' }).success).toBe(true);
    expect(replyErrorSchema.safeParse({ message: 'Executor token is required.' }).success).toBe(false);
  });
});

describe('problemText in English reads as the worker used to write it', () => {
  it.each([
    [PROBLEM_SAMPLES.problemUrlNotUrl, '"not a url" is not a URL. Example: https://backend.example.com'],
    [PROBLEM_SAMPLES.problemUrlScheme, 'Backend URL must start with https:// (got ftp://).'],
    [PROBLEM_SAMPLES.problemTokenRequired, 'Executor token is required.'],
    [PROBLEM_SAMPLES.problemTokenTooLong, 'Executor token is too long (at most 4,096 characters).'],
    [PROBLEM_SAMPLES.problemLimitAboveCeiling, 'follows per day: 500 exceeds the hard ceiling of 200'],
    [PROBLEM_SAMPLES.problemLimitNotWhole, 'follows per day: must be a whole number ≥ 0'],
    [
      PROBLEM_SAMPLES.problemSpacingRange,
      'Seconds between actions: enter a whole number from 30 to 3,600 (30 s is the floor; a message always waits at least 45 s).',
    ],
    [PROBLEM_SAMPLES.problemWhNoDays, 'Working hours: pick at least one day'],
    [
      PROBLEM_SAMPLES.problemPolicyIgnored,
      'executorToken: Executor token may hold only printable ASCII characters, without spaces. Ignored.',
    ],
    [
      PROBLEM_SAMPLES.problemPolicyUnknownBucket,
      'limits.nosuch: no such bucket (known: invitations, messages, comments, reactions, follows, saves, shares, withdrawals); ignored.',
    ],
    [PROBLEM_SAMPLES.problemPolicyNoWindow, 'limits.messages.week: this bucket has no week limit; ignored.'],
    [PROBLEM_SAMPLES.problemCheckInput, 'Post: not a post'],
  ])('%j', (problem, text) => {
    expect(say(english, problem)).toBe(text);
  });
});

describe('problemText in German', () => {
  it.each([
    [PROBLEM_SAMPLES.problemUrlNotUrl, '„not a url“ ist keine URL. Beispiel: https://backend.example.com'],
    [PROBLEM_SAMPLES.problemTokenRequired, 'Das Executor-Token ist erforderlich.'],
    [PROBLEM_SAMPLES.problemTokenTooLong, 'Das Executor-Token ist zu lang (höchstens 4.096 Zeichen).'],
    [PROBLEM_SAMPLES.problemLimitAboveCeiling, 'Folgen pro Tag: 500 überschreitet die feste Obergrenze von 200'],
    [
      PROBLEM_SAMPLES.problemSpacingRange,
      'Sekunden zwischen Aktionen: Geben Sie eine ganze Zahl von 30 bis 3.600 ein (30 s sind das Minimum; eine Nachricht wartet immer mindestens 45 s).',
    ],
    [PROBLEM_SAMPLES.problemWhNoDays, 'Arbeitszeit: Wählen Sie mindestens einen Tag'],
    [
      PROBLEM_SAMPLES.problemPolicyIgnored,
      'executorToken: Das Executor-Token darf nur druckbare ASCII-Zeichen ohne Leerzeichen enthalten. Ignoriert.',
    ],
    [PROBLEM_SAMPLES.problemCheckInput, 'Beitrag: not a post'],
    [PROBLEM_SAMPLES.problemHoldChallenge, expect.stringMatching(/^LinkedIn hat eine Sicherheitsprüfung angezeigt/)],
  ])('%j', (problem, text) => {
    expect(say(german, problem)).toEqual(text);
  });

  it("several problems (a form's limits) one after the other", () => {
    const both = [PROBLEM_SAMPLES.problemLimitNotWhole, PROBLEM_SAMPLES.problemLimitNoWindow];
    expect(problemsText(both, german.t, german.fmt)).toBe(
      'Folgen pro Tag: muss eine ganze Zahl ≥ 0 sein; Gespeicherte Beiträge pro Woche: Dieses Limit gibt es nicht',
    );
  });
});
