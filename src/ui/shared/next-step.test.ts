import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import { translator } from '../../i18n/catalog';
import type { StatusView } from '../../shared/messages';
import { nextStep, type NextStepTarget } from './next-step';
import { setupChecklist, setupNeeded } from './setup-checklist';

type V = Pick<StatusView, 'state' | 'pause' | 'suspended' | 'boundAccount' | 'configured' | 'signedIn' | 'account'>;
const base: V = {
  state: 'active',
  pause: null,
  suspended: [],
  boundAccount: null,
  configured: true,
  signedIn: true,
  account: { memberUrn: 'urn:li:member:1', publicIdentifier: 'jdoe' },
};
const t = translator(en);
const view = (patch: Partial<V>): V => ({ ...base, ...patch });
const suspension: StatusView['suspended'][number] = {
  type: 'withdraw',
  endpoint: 'withdraw',
  reason: 'HTTP 410',
  since: '2026-11-24T00:00:00Z',
  recheckAt: '2026-11-24T03:00:00Z',
};

describe('nextStep: one sentence and a place for every state that needs the user', () => {
  const cases: [V['state'], Partial<V>, NextStepTarget][] = [
    ['unconfigured', {}, 'welcome'],
    ['auth_rejected', {}, 'options'],
    ['signed_out', {}, 'linkedin-login'],
    ['account_mismatch', { boundAccount: { memberUrn: 'urn:li:member:2', publicIdentifier: 'boss' } }, 'options'],
    ['paused', { pause: { until: 1, reason: 'challenge' } }, 'linkedin-home'],
    ['paused', { pause: { until: 1, reason: 'working_hours' } }, 'options'],
    ['active', { suspended: [suspension] }, 'check-linkedin'],
  ];
  it.each(cases)('%s %j → %s', (state, patch, target) => {
    const step = nextStep(view({ state, ...patch }), t);
    expect(step?.link?.target).toBe(target);
    // One sentence: a single final full stop, no second sentence.
    expect(step?.sentence).toMatch(/^[A-Z][^.]*\.$/);
  });

  it('names the bound account on a mismatch', () => {
    const step = nextStep(
      view({ state: 'account_mismatch', boundAccount: { memberUrn: 'urn:li:member:2', publicIdentifier: 'boss' } }),
      t,
    );
    expect(step?.sentence).toContain('as boss');
  });

  it('a pause by the user asks for Resume (the button is there, no link); nothing to do when active', () => {
    expect(nextStep(view({ state: 'paused', pause: { until: 1, reason: 'user' } }), t)).toEqual({
      sentence: 'Press Resume when you want queued actions to go out again.',
      link: null,
    });
    expect(nextStep(view({}), t)).toBeNull();
    expect(nextStep(view({ state: 'paused', pause: { until: 1, reason: 'rate_limited' } }), t)).toBeNull();
  });

  it('a suspension shows even during a rate-limit pause, which ends by itself', () => {
    expect(
      nextStep(view({ state: 'paused', pause: { until: 1, reason: 'rate_limited' }, suspended: [suspension] }), t)?.link
        ?.target,
    ).toBe('check-linkedin');
  });
});

describe('setupChecklist', () => {
  it('a new install: nothing done', () => {
    const steps = setupChecklist(view({ state: 'unconfigured', configured: false, signedIn: false, account: null }), t);
    expect(steps.map((s) => [s.id, s.done])).toEqual([
      ['backend', false],
      ['linkedin', false],
      ['choices', false],
    ]);
    expect(setupNeeded({ state: 'unconfigured' })).toBe(true);
  });

  it('a refused token undoes step 1; signed in without a known account is still step 2 done', () => {
    const steps = setupChecklist(view({ state: 'auth_rejected', account: null }), t);
    expect(steps[0]).toMatchObject({ done: false, detail: 'The backend refused the token: paste a new one.' });
    expect(steps[1]).toMatchObject({ done: true });
  });

  it('active: all done, and setup is no longer shown', () => {
    expect(setupChecklist(view({}), t).every((s) => s.done)).toBe(true);
    expect(setupChecklist(view({}), t)[1]?.detail).toBe('Signed in as jdoe.');
    expect(setupNeeded({ state: 'active' })).toBe(false);
    expect(setupNeeded({ state: 'paused' })).toBe(false);
  });
});
