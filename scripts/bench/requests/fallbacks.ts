/** Extra rows: what a fallback to the next variant costs (the double refuses the primary once). */
import type { LinkedInDouble } from '../../../e2e/doubles/linkedin/server';
import type { Step } from './rows';
import { addInvitation, dropInvitations, ok, postUrl, profileUrl, type World } from './world';

let urnForFallback = '';
export function fallbacks(li: LinkedInDouble, w: World, followUrl: string): Step[] {
  const once =
    (endpoint: string, status: 400 | 404 | 405, also?: (r: { query: Record<string, string> }) => boolean) => () =>
      li.fail(
        { kind: 'nextVariant', status },
        { match: (r) => r.endpoint === endpoint && (also?.(r) ?? true), times: 1 },
      );
  const fallbackPost = postUrl(w.posts.fallback);
  return [
    {
      row: 'follow_member',
      phase: 'extra',
      title:
        'follow_member, cold, profile decoration WebTopCardCore-19 rotated (400 without a code) → FullProfileWithEntities-96',
      setup: 'cache store emptied; the -19 decoration answers 400 once',
      clearCache: true,
      before: once('profile', 400, (r) => (r.query.decorationId ?? '').endsWith('-19')),
      prime: [],
      measure: { label: 'follow_member', type: 'follow_member', params: { profile: followUrl }, expect: ok },
    },
    {
      row: 'connect',
      phase: 'extra',
      title: 'connect (no note), cold, Voyager create gone (404) → SDUI addaAddConnection',
      setup: 'cache store emptied; invitation removed in the double; the Voyager create answers 404 once',
      clearCache: true,
      before: () => {
        dropInvitations(li, w.connectTarget.tail);
        li.state.withdrawnAt.delete(w.connectTarget.tail);
        once('connect', 404)();
      },
      prime: [],
      measure: { label: 'connect', type: 'connect', params: { profile: profileUrl(w.connectTarget) }, expect: ok },
    },
    {
      row: 'withdraw_urn',
      phase: 'extra',
      title:
        'withdraw by invitationUrn, Voyager withdraw gone (404) → SDUI addaWithdrawInvitation (needs the sent list and the invitee lookup)',
      setup: 'cache store emptied; invitation created in the double; the Voyager withdraw answers 404 once',
      clearCache: true,
      before: () => {
        urnForFallback = addInvitation(li, w.urnTarget.tail);
        once('withdraw', 404)();
      },
      prime: [],
      measure: () => ({
        label: 'withdraw (invitationUrn)',
        type: 'withdraw',
        params: { invitationUrn: urnForFallback },
        expect: ok,
      }),
    },
    {
      row: 'save',
      phase: 'extra',
      title: 'save, Voyager saveStates answers 405 → SDUI update.saveState',
      setup: 'cache store emptied; the Voyager save answers 405 once',
      clearCache: true,
      before: once('save', 405),
      prime: [],
      measure: { label: 'save', type: 'save', params: { post: fallbackPost }, expect: ok },
    },
  ];
}
