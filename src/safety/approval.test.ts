import { describe, expect, it } from 'vitest';
import { approvalsSummary, leaseRanOut, needsApproval, targetOf, wordsOf } from './approval';

const on = { approvalMode: true };
const off = { approvalMode: false };

describe('needsApproval', () => {
  it('holds every action that sends words in the user name, when approval mode is on', () => {
    expect(needsApproval({ type: 'message', params: { profile: 'jdoe', text: 'Hello' } }, on)).toBe(true);
    expect(needsApproval({ type: 'comment', params: { post: '7123456789012345678', text: 'Nice' } }, on)).toBe(true);
    expect(needsApproval({ type: 'connect', params: { profile: 'jdoe', note: 'Hi!' } }, on)).toBe(true);
    expect(needsApproval({ type: 'share', params: { post: '7123456789012345678', commentary: 'Read' } }, on)).toBe(
      true,
    );
  });
  it('lets actions without words run as before', () => {
    expect(needsApproval({ type: 'connect', params: { profile: 'jdoe' } }, on)).toBe(false);
    expect(needsApproval({ type: 'connect', params: { profile: 'jdoe', note: '   ' } }, on)).toBe(false);
    expect(needsApproval({ type: 'share', params: { post: '7123456789012345678', commentary: '' } }, on)).toBe(false);
    expect(needsApproval({ type: 'follow_member', params: { profile: 'jdoe' } }, on)).toBe(false);
    expect(needsApproval({ type: 'react', params: { post: '7123456789012345678', reaction: 'LIKE' } }, on)).toBe(false);
    expect(needsApproval({ type: 'save', params: { post: '7123456789012345678' } }, on)).toBe(false);
  });
  it('holds nothing when approval mode is off', () => {
    expect(needsApproval({ type: 'message', params: { profile: 'jdoe', text: 'Hello' } }, off)).toBe(false);
  });
  it('never shows an invalid or unknown action: it is refused instead', () => {
    expect(needsApproval({ type: 'message', params: { profile: 'jdoe', text: '\u200b' } }, on)).toBe(false);
    expect(needsApproval({ type: 'message', params: { text: 'no profile' } }, on)).toBe(false);
    expect(needsApproval({ type: 'teleport', params: { text: 'x' } }, on)).toBe(false);
  });
});

describe('what the queue shows', () => {
  it('the words in full, and the target as the backend named it', () => {
    const long = 'x'.repeat(8000);
    expect(wordsOf({ type: 'message', params: { profile: 'jdoe', text: ` ${long} ` } })).toBe(long);
    expect(wordsOf({ type: 'connect', params: { profile: 'jdoe', note: 'Hi' } })).toBe('Hi');
    expect(wordsOf({ type: 'share', params: { post: '1', commentary: 'Worth it' } })).toBe('Worth it');
    expect(wordsOf({ type: 'connect', params: { profile: 'jdoe' } })).toBeNull();
    expect(wordsOf({ type: 'save', params: { post: '1' } })).toBeNull();
    expect(targetOf({ params: { profile: 'https://www.linkedin.com/in/jdoe/', text: 'x' } })).toBe(
      'https://www.linkedin.com/in/jdoe/',
    );
    expect(targetOf({ params: { post: 'urn:li:activity:1' } })).toBe('urn:li:activity:1');
    expect(targetOf({ params: { company: '1441' } })).toBe('1441');
    expect(targetOf({ params: null })).toBe('(no target)');
  });
});

describe('leases and the heartbeat summary', () => {
  it('a lease runs out strictly after its expiry; no expiry never runs out', () => {
    const at = '2026-11-24T10:00:00.000Z';
    expect(leaseRanOut({ leaseExpiresAt: at }, Date.parse(at))).toBe(false);
    expect(leaseRanOut({ leaseExpiresAt: at }, Date.parse(at) + 1)).toBe(true);
    expect(leaseRanOut({}, Number.MAX_SAFE_INTEGER)).toBe(false);
  });
  it('counts the waiting actions and names the oldest', () => {
    expect(approvalsSummary([])).toEqual({ pending: 0, oldestAt: null });
    expect(approvalsSummary([Date.parse('2026-11-24T10:00:00Z'), Date.parse('2026-11-24T09:58:00Z')])).toEqual({
      pending: 2,
      oldestAt: '2026-11-24T09:58:00.000Z',
    });
  });
});
