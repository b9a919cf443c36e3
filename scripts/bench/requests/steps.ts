/** The measured steps, cold and warm, row by row (the fallbacks are in fallbacks.ts). */
import type { LinkedInDouble, Member } from '../../../e2e/doubles/linkedin/server';
import { fallbacks } from './fallbacks';
import type { ActionSpec, Step } from './rows';
import { addInvitation, dropInvitations, ok, postUrl, profileUrl, type World } from './world';

export function steps(li: LinkedInDouble, w: World): Step[] {
  const companyUrl = `https://www.linkedin.com/company/${w.companySlug}/`;
  const connect: ActionSpec = {
    label: 'connect',
    type: 'connect',
    params: { profile: profileUrl(w.connectTarget), note: 'Hello Connie, enjoyed your talk on benchmarks.' },
    expect: ok,
  };
  const withdrawProfile = (m: Member): ActionSpec => ({
    label: 'withdraw (profile)',
    type: 'withdraw',
    params: { profile: profileUrl(m) },
    expect: ok,
  });
  const withdrawUrn = (urn: string): ActionSpec => ({
    label: 'withdraw (invitationUrn)',
    type: 'withdraw',
    params: { invitationUrn: urn },
    expect: ok,
  });
  const message: ActionSpec = {
    label: 'message',
    type: 'message',
    params: { profile: profileUrl(w.friend), text: 'Hi Fran, shall we catch up?' },
    expect: ok,
  };
  const react = (reaction: string): ActionSpec => ({
    label: `react ${reaction}`,
    type: 'react',
    params: { post: postUrl(w.posts.react), reaction },
    expect: ok,
  });
  const unreact: ActionSpec = {
    label: 'unreact',
    type: 'unreact',
    params: { post: postUrl(w.posts.react) },
    expect: ok,
  };
  const comment: ActionSpec = {
    label: 'comment',
    type: 'comment',
    params: { post: postUrl(w.posts.comment), text: 'Thanks for sharing this.' },
    expect: ok,
  };
  const member = (type: 'follow_member' | 'unfollow_member'): ActionSpec => ({
    label: type,
    type,
    params: { profile: profileUrl(w.followTarget) },
    expect: ok,
  });
  const company = (type: 'follow_company' | 'unfollow_company'): ActionSpec => ({
    label: type,
    type,
    params: { company: companyUrl },
    expect: ok,
  });
  const share: ActionSpec = {
    label: 'share',
    type: 'share',
    params: { post: w.posts.share, commentary: 'Worth a read.' },
    expect: ok,
  };
  const saveSpec = (type: 'save' | 'unsave'): ActionSpec => ({
    label: type,
    type,
    params: { post: postUrl(w.posts.save) },
    expect: ok,
  });
  const refusedMessage: ActionSpec = {
    label: 'message (2nd degree, refused)',
    type: 'message',
    params: { profile: profileUrl(w.connectTarget), text: 'Refused: not a 1st-degree connection.' },
    expect: { status: 'refused', code: 'not_connected' },
  };
  const cold = 'cache store emptied';
  let urn = '';
  const withdrawByUrn = (): ActionSpec => withdrawUrn(urn);
  return [
    { row: 'connect', phase: 'cold', setup: cold, clearCache: true, prime: [], measure: connect },
    {
      row: 'connect',
      phase: 'warm',
      setup:
        'slug→URN cached by the cold run; relationship cached (10 min) by a refused message to the same person just before (connect forgets the relationship after sending). Invitation removed in the double first.',
      clearCache: false,
      before: () => dropInvitations(li, w.connectTarget.tail),
      prime: [refusedMessage],
      measure: connect,
    },
    {
      row: 'connect',
      phase: 'extra',
      title:
        "connect again after a withdraw by the extension, 3 weeks later on LinkedIn's clock (slug cached, relationship cache forgotten)",
      setup:
        "withdraw (profile) through the extension just before: it deletes the invitation and relationship caches; the double's clock then moves 22 days (LinkedIn refuses a re-invite for ~3 weeks)",
      clearCache: false,
      prime: [withdrawProfile(w.connectTarget)],
      afterPrime: () => li.clock.advance(22 * 86_400_000),
      measure: connect,
    },
    {
      row: 'withdraw_urn',
      phase: 'cold',
      setup: `${cold}; invitation created in the double`,
      clearCache: true,
      before: () => {
        urn = addInvitation(li, w.urnTarget.tail);
      },
      prime: [],
      measure: withdrawByUrn,
    },
    {
      row: 'withdraw_urn',
      phase: 'warm',
      setup: 'nothing to cache: the URN is the input; a second invitation created in the double',
      clearCache: false,
      before: () => {
        urn = addInvitation(li, w.urnTarget.tail);
      },
      prime: [],
      measure: withdrawByUrn,
    },
    {
      row: 'withdraw_profile',
      phase: 'cold',
      setup: `${cold}; invitation created in the double (so no invitation cache)`,
      clearCache: true,
      before: () => void addInvitation(li, w.withdrawTarget.tail),
      prime: [],
      measure: withdrawProfile(w.withdrawTarget),
    },
    {
      row: 'withdraw_profile',
      phase: 'warm',
      setup:
        "slug→URN cached by the cold run; invitation URN cached by a connect through the extension just before (the double's clock first moves 22 days past the cold run's withdraw: LinkedIn refuses a re-invite for ~3 weeks)",
      clearCache: false,
      before: () => li.clock.advance(22 * 86_400_000),
      prime: [{ ...connect, label: 'connect (priming)', params: { profile: profileUrl(w.withdrawTarget) } }],
      measure: withdrawProfile(w.withdrawTarget),
    },
    { row: 'message', phase: 'cold', setup: cold, clearCache: true, prime: [], measure: message },
    {
      row: 'message',
      phase: 'warm',
      setup: 'slug→URN cached by the cold run (the relationship is always read fresh for a DM)',
      clearCache: false,
      prime: [],
      measure: message,
    },
    { row: 'react', phase: 'cold', setup: cold, clearCache: true, prime: [], measure: react('LIKE') },
    {
      row: 'react',
      phase: 'warm',
      setup: 'run again (react caches only the reaction type, which react does not read)',
      clearCache: false,
      prime: [],
      measure: react('PRAISE'),
    },
    {
      row: 'unreact',
      phase: 'cold',
      setup: `${cold}; the post has a reaction (PRAISE) in the double`,
      clearCache: true,
      prime: [],
      measure: unreact,
    },
    {
      row: 'unreact',
      phase: 'warm',
      setup: 'reaction type cached by a react through the extension just before',
      clearCache: false,
      prime: [react('LIKE')],
      measure: unreact,
    },
    { row: 'comment', phase: 'cold', setup: cold, clearCache: true, prime: [], measure: comment },
    {
      row: 'comment',
      phase: 'warm',
      setup: 'run again (nothing to cache)',
      clearCache: false,
      prime: [],
      measure: comment,
    },
    { row: 'follow_member', phase: 'cold', setup: cold, clearCache: true, prime: [], measure: member('follow_member') },
    {
      row: 'unfollow_member',
      phase: 'warm',
      setup: 'slug→URN cached by the cold follow_member',
      clearCache: false,
      prime: [],
      measure: member('unfollow_member'),
    },
    {
      row: 'follow_member',
      phase: 'warm',
      setup: 'slug→URN cached',
      clearCache: false,
      prime: [],
      measure: member('follow_member'),
    },
    {
      row: 'unfollow_member',
      phase: 'cold',
      setup: cold,
      clearCache: true,
      prime: [],
      measure: member('unfollow_member'),
    },
    {
      row: 'follow_company',
      phase: 'cold',
      setup: cold,
      clearCache: true,
      prime: [],
      measure: company('follow_company'),
    },
    {
      row: 'unfollow_company',
      phase: 'warm',
      setup: 'slug→id cached by the cold follow_company',
      clearCache: false,
      prime: [],
      measure: company('unfollow_company'),
    },
    {
      row: 'follow_company',
      phase: 'warm',
      setup: 'slug→id cached',
      clearCache: false,
      prime: [],
      measure: company('follow_company'),
    },
    {
      row: 'unfollow_company',
      phase: 'cold',
      setup: cold,
      clearCache: true,
      prime: [],
      measure: company('unfollow_company'),
    },
    { row: 'share', phase: 'cold', setup: cold, clearCache: true, prime: [], measure: share },
    {
      row: 'share',
      phase: 'warm',
      setup: 'run again (nothing to cache)',
      clearCache: false,
      prime: [],
      measure: share,
    },
    { row: 'save', phase: 'cold', setup: cold, clearCache: true, prime: [], measure: saveSpec('save') },
    {
      row: 'unsave',
      phase: 'warm',
      setup: 'after the cold save (nothing to cache)',
      clearCache: false,
      prime: [],
      measure: saveSpec('unsave'),
    },
    {
      row: 'save',
      phase: 'warm',
      setup: 'after unsave (nothing to cache)',
      clearCache: false,
      prime: [],
      measure: saveSpec('save'),
    },
    { row: 'unsave', phase: 'cold', setup: cold, clearCache: true, prime: [], measure: saveSpec('unsave') },
    // What a fallback costs: the primary variant is switched to "next variant" once in the double (v2).
    // Last, because each leaves the answering variant remembered (cold: the cache store, which holds it, is emptied first).
    ...fallbacks(li, w, profileUrl(w.followTarget)),
  ];
}
