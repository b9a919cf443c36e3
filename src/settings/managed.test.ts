import { describe, expect, it, vi } from 'vitest';
import { CEILINGS } from '../safety/limits';
import {
  applyPolicy,
  checkPolicyLimits,
  lockedFields,
  NO_POLICY,
  parsePolicy,
  policyCeilings,
  withoutLocked,
  type ManagedPolicy,
} from './managed';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { settingsSchema } = await import('./store');

const local = settingsSchema.parse({
  backendUrl: 'https://mine.example',
  token: 'tok_mine',
  allowBackgroundTab: false,
  approvalMode: false,
  limits: { invitations: { day: 15 }, messages: { day: 5 } },
});

describe('parsePolicy', () => {
  it('takes every key an administrator may set', () => {
    const { policy, problems } = parsePolicy({
      backendUrl: 'https://backend.acme.example/',
      executorToken: ' tok_org ',
      limits: { invitations: { day: 10, week: 40 }, shares: { day: 5 } },
      forceApprovalMode: true,
      allowBackgroundTab: true,
    });
    expect(problems).toEqual([]);
    expect(policy).toEqual({
      backendUrl: 'https://backend.acme.example',
      token: 'tok_org',
      limits: { invitations: { day: 10, week: 40 }, shares: { day: 5 } },
      forceApprovalMode: true,
      allowBackgroundTab: true,
    });
  });

  it('no policy (an empty managed storage, or nothing readable) fixes nothing', () => {
    expect(parsePolicy({})).toEqual({ policy: NO_POLICY, problems: [] });
    expect(parsePolicy(undefined)).toEqual({ policy: NO_POLICY, problems: [] });
  });

  it('drops each bad value with a reason naming it, and keeps the good ones', () => {
    const { policy, problems } = parsePolicy({
      backendUrl: 'http://backend.acme.example',
      executorToken: 'has space',
      limits: { invitations: { day: -1 }, nosuch: { day: 1 }, messages: { week: 10 }, saves: { day: 7 } },
      forceApprovalMode: 'yes',
      allowBackgroundTab: false,
      colour: 'blue',
    });
    expect(policy).toEqual({ limits: { saves: { day: 7 } }, forceApprovalMode: false, allowBackgroundTab: false });
    expect(problems).toEqual([
      { key: 'problemPolicyUnknownKey', name: 'colour' },
      { key: 'problemPolicyIgnored', name: 'backendUrl', problem: { key: 'problemUrlPlainHttp' } },
      { key: 'problemPolicyIgnored', name: 'executorToken', problem: { key: 'problemTokenCharacters' } },
      { key: 'problemPolicyLimitsNotWhole', bucket: 'invitations' },
      { key: 'problemPolicyUnknownBucket', bucket: 'nosuch' },
      { key: 'problemPolicyNoWindow', bucket: 'messages', window: 'week' },
      { key: 'problemPolicyNotBoolean', name: 'forceApprovalMode' },
    ]);
  });

  it('a value of the wrong type is named as such', () => {
    expect(parsePolicy({ backendUrl: 42, executorToken: null, limits: [] }).problems).toEqual([
      { key: 'problemPolicyNotString', name: 'backendUrl' },
      { key: 'problemPolicyNotString', name: 'executorToken' },
      { key: 'problemPolicyLimitsNotObject' },
    ]);
  });

  it('a policy limit above the hard ceiling is the hard ceiling: a policy never raises a cap', () => {
    expect(parsePolicy({ limits: { messages: { day: 10_000 } } }).policy.limits).toEqual({
      messages: { day: CEILINGS.messages.day },
    });
  });
});

describe('applyPolicy', () => {
  const policy: ManagedPolicy = {
    backendUrl: 'https://org.example',
    token: 'tok_org',
    limits: { invitations: { day: 10 }, messages: { day: 50 }, shares: { day: 3 } },
    forceApprovalMode: true,
    allowBackgroundTab: true,
  };

  it('policy values win over local ones', () => {
    const s = applyPolicy(local, policy);
    expect([s.backendUrl, s.token, s.allowBackgroundTab, s.approvalMode]).toEqual([
      'https://org.example',
      'tok_org',
      true,
      true,
    ]);
    expect(s.spacingSeconds).toBe(local.spacingSeconds);
  });

  it('limits only go down: the lower of the local value (or the default) and the policy cap', () => {
    const { limits } = applyPolicy(local, policy);
    expect(limits.invitations).toEqual({ day: 10 }); // local 15 > cap 10
    expect(limits.messages).toEqual({ day: 5 }); // local 5 < cap 50: stays 5
    expect(limits.shares).toEqual({ day: 3 }); // default 20 > cap 3
    expect(limits.comments).toBeUndefined(); // untouched
  });

  it('forceApprovalMode false leaves the user choice; no policy changes nothing', () => {
    expect(applyPolicy(local, { ...policy, forceApprovalMode: false }).approvalMode).toBe(false);
    expect(applyPolicy(local, NO_POLICY)).toEqual(local);
  });
});

describe('saving under a policy', () => {
  const policy = parsePolicy({
    backendUrl: 'https://org.example',
    limits: { invitations: { day: 10 } },
    forceApprovalMode: true,
  }).policy;

  it('never stores a locked field', () => {
    expect(lockedFields(policy)).toEqual(['backendUrl', 'approvalMode']);
    expect(withoutLocked({ backendUrl: 'https://x.example', token: 't2', approvalMode: false }, policy, local)).toEqual(
      {
        token: 't2',
      },
    );
  });

  it('a limit saved as the value the policy lowered it to keeps the local value; a real change is saved', () => {
    const shown = applyPolicy(local, policy).limits; // invitations day 10 (local 15)
    expect(withoutLocked({ limits: shown }, policy, local).limits?.invitations).toEqual({ day: 15 });
    expect(withoutLocked({ limits: { invitations: { day: 8 } } }, policy, local).limits?.invitations).toEqual({
      day: 8,
    });
    const fresh = settingsSchema.parse({});
    expect(withoutLocked({ limits: { invitations: { day: 10 } } }, policy, fresh).limits?.invitations).toEqual({});
  });

  it('the ceilings shown are the organisation caps where lower, and a value above them is refused', () => {
    expect(policyCeilings(policy).invitations).toEqual({ day: 10, week: 150 });
    expect(policyCeilings(policy).messages).toEqual(CEILINGS.messages);
    expect(checkPolicyLimits({ invitations: { day: 12 }, messages: { day: 140 } }, policy)).toEqual([
      { key: 'problemLimitAbovePolicy', bucket: 'invitations', window: 'day', value: 12, cap: 10 },
    ]);
    expect(checkPolicyLimits({ invitations: { day: 10 } }, policy)).toEqual([]);
  });
});
