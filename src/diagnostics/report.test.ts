import { describe, expect, it } from 'vitest';
import type { ProbeResult } from './probes';
import { parseCheckInputs } from '../shared/messages';
import { translator } from '../i18n/catalog';
import en from '../../public/_locales/en/messages.json';
import { PROBE_NOTE_KEYS } from '../ui/options/probe-lines';
import { PROBE_NOTES, UNREADABLE_ANSWER } from './probe-note';
import { REPORT_KIND, REPORT_NOTE_TEXT, buildReport, inputValues, scrub, summaryLine } from './report';

const results: ProbeResult[] = [
  { endpoint: 'me', status: 'ok', httpStatus: 200, unexpected: [] },
  {
    endpoint: 'profile lookup',
    variant: 'WebTopCardCore-16',
    status: 'changed',
    httpStatus: 200,
    unexpected: ['(root): object', 'data.*elements: array(1)'],
    unreadable: true,
  },
  { endpoint: 'relationship', status: 'skipped', httpStatus: null, unexpected: [], note: 'profileNeeded' },
  { endpoint: 'sent invitations', status: 'failed', httpStatus: 500, unexpected: ['server_error'] },
];
const run = { results, stoppedBy: null, checkedAt: '2026-11-23T14:05:00.000Z' };

describe('Check LinkedIn report', () => {
  it('has the documented shape, with variant and note only where the probe gave them, the texts in English', () => {
    expect(buildReport(run, { version: '0.1.0' })).toEqual({
      kind: REPORT_KIND,
      version: '0.1.0',
      checkedAt: '2026-11-23T14:05:00.000Z',
      stoppedBy: null,
      results: [
        { endpoint: 'me', status: 'ok', httpStatus: 200, unexpected: [] },
        {
          endpoint: 'profile lookup',
          variant: 'WebTopCardCore-16',
          status: 'changed',
          httpStatus: 200,
          unexpected: [
            'the executor cannot read this answer; its shape:',
            '(root): object',
            'data.*elements: array(1)',
          ],
        },
        {
          endpoint: 'relationship',
          status: 'skipped',
          httpStatus: null,
          unexpected: [],
          note: 'name a profile (someone you know) to check the relationship read',
        },
        { endpoint: 'sent invitations', status: 'failed', httpStatus: 500, unexpected: ['server_error'] },
      ],
    });
  });

  it("says each note, and the unreadable answer's line, as the English catalogue does", () => {
    for (const note of PROBE_NOTES) expect(REPORT_NOTE_TEXT[note], note).toBe(en[PROBE_NOTE_KEYS[note]].message);
    expect(UNREADABLE_ANSWER).toBe(en.probeUnreadable.message);
  });

  it('keeps its keys in one order, whatever order the probe result had', () => {
    const shuffled = {
      note: 'postNeededComments',
      unexpected: [],
      httpStatus: 404,
      status: 'changed',
      variant: 'v',
      endpoint: 'e',
    } as const;
    const report = buildReport(
      { results: [{ ...shuffled, unexpected: ['gone'] }], stoppedBy: 'challenge', checkedAt: 'x' },
      { version: '1' },
    );
    expect(Object.keys(report)).toEqual(['kind', 'version', 'checkedAt', 'stoppedBy', 'results']);
    expect(Object.keys(report.results[0] ?? {})).toEqual([
      'endpoint',
      'variant',
      'status',
      'httpStatus',
      'unexpected',
      'note',
    ]);
    expect(JSON.stringify(buildReport(run, { version: '1' }))).toBe(
      JSON.stringify(buildReport(structuredClone(run), { version: '1' })),
    );
  });

  it('carries no personal data planted in the probe texts', () => {
    const planted: ProbeResult = {
      endpoint: 'comments list',
      status: 'changed',
      httpStatus: 200,
      unexpected: [
        'data.urn:li:fsd_profile:ACoAAB1c2d3E4f5G6h7I8j9K0.name: string',
        'author ACoAAB1c2d3E4f5G6h7I8j9K0 wrote',
        'included[0].entityUrn (urn:li:fsd_update:(urn:li:activity:7300000000000000000,FEED)) is odd',
        'urn%3Ali%3Amember%3A123 encoded',
        'member 987654321 and ada.lovelace@example.com',
        'the profile ada-lovelace-42 answered',
      ],
      note: 'profileNotFound',
    };
    const report = buildReport(
      { results: [planted], stoppedBy: null, checkedAt: '2026-11-23T14:05:00.000Z' },
      { version: '0.1.0', personal: ['ada-lovelace-42', 'https://www.linkedin.com/in/ada-lovelace-42/'] },
    );
    const text = JSON.stringify(report);
    for (const secret of [
      'ACoA',
      'ACwA',
      'urn:',
      'urn%3A',
      '7300000000000000000',
      '987654321',
      '@example.com',
      'ada.lovelace',
      'lovelace-42',
      'Lovelace-42',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(report.results[0]?.unexpected).toEqual([
      // A URN runs to the next space: the key path after it goes too (over-redacting is the safe side).
      'data.<urn> string',
      'author <profile id> wrote',
      'included[0].entityUrn (<urn> is odd',
      '<urn> encoded',
      'member <n> and <email>',
      'the profile <redacted> answered',
    ]);
    expect(report.results[0]?.note).toBe('the profile you named could not be looked up');
  });

  it('leaves ordinary shape lines, statuses and short numbers alone, and bounds long text', () => {
    expect(scrub('data.paging.total: number (HTTP 410, 3 times in a row)')).toBe(
      'data.paging.total: number (HTTP 410, 3 times in a row)',
    );
    expect(scrub('x'.repeat(1000))).toHaveLength(300);
    // Too short to be telling, and it would mangle key paths.
    expect(scrub('data.id: string', ['id'])).toBe('data.id: string');
  });

  it('sums up the results in words', () => {
    expect(summaryLine(results, translator(en))).toBe('1 OK, 1 changed, 1 failed, 1 skipped');
    expect(summaryLine([], translator(en))).toBe('0 OK, 0 changed, 0 failed, 0 skipped');
  });
});

describe('Check LinkedIn inputs', () => {
  it('takes blank inputs as not given, and parses the others with the contract parsers', () => {
    expect(parseCheckInputs({ profile: ' ', company: '', post: undefined })).toEqual({
      ok: true,
      inputs: { profile: null, company: null, post: null },
    });
    const parsed = parseCheckInputs({
      profile: 'https://www.linkedin.com/in/ada-lovelace/',
      company: 'acme-corp',
      post: 'urn:li:activity:7300000000000000000',
    });
    expect(parsed).toEqual({
      ok: true,
      inputs: {
        profile: { kind: 'slug', slug: 'ada-lovelace' },
        company: { kind: 'slug', slug: 'acme-corp' },
        post: { threadUrn: 'urn:li:activity:7300000000000000000', kind: 'activity', id: '7300000000000000000' },
      },
    });
    if (parsed.ok)
      expect(inputValues(parsed.inputs)).toEqual([
        'ada-lovelace',
        'acme-corp',
        'urn:li:activity:7300000000000000000',
        '7300000000000000000',
      ]);
  });

  it("names every field with a bad value, with the contract parser's reason", () => {
    const parsed = parseCheckInputs({ profile: 'https://example.com/x', company: 'fine', post: '12' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.map((e) => [e.key, e.field])).toEqual([
        ['problemCheckInput', 'profile'],
        ['problemCheckInput', 'post'],
      ]);
      expect(parsed.errors.every((e) => e.reason.length > 0)).toBe(true);
    }
  });
});
