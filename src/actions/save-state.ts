/**
 * save / unsave a post (voyager-reference.md v2, "Save / unsave", medium).
 * Variants, in order:
 * 1. Voyager (web client, Oct 2025)
 *      POST /voyager/api/voyagerFeedDashSaveStates/<enc urn:li:fsd_saveState:(SAVE,<thread urn>)>
 *      body {"patch":{"$set":{"saved":true|false}}} → 2xx
 * 2. SDUI com.linkedin.sdui.update.saveState (2026 UI; MG verified browserless;
 *    the screen id is inferred).
 * No read-back is known (whether GET works on saveStates is unknown: never
 * sent). Saving sets a state, so re-sending the same state is the safe
 * reconcile (v2): a lost answer is settled by sending it again.
 */
import { postParams } from '../../contract/params';
import type { Verdict } from '../voyager/classify';
import type { SduiAction } from '../voyager/sdui';
import { postLabel } from './labels';
import { defineAction, exhaustedOutcome, failureOutcome, succeeded } from './types';
import { callAttempt, notApplicable, runVariants } from './variants';

export const SAVE = 'save';

export function saveStatePath(threadUrn: string): string {
  return `/voyagerFeedDashSaveStates/${encodeURIComponent(`urn:li:fsd_saveState:(SAVE,${threadUrn})`)}`;
}

export function saveStateBody(saved: boolean) {
  return { patch: { $set: { saved } } };
}

export function saveSduiAction(activityId: string, saved: boolean): SduiAction {
  return {
    id: 'com.linkedin.sdui.update.saveState',
    screenId: 'com.linkedin.sdui.flagshipnav.feed.MainFeed',
    payload: {
      isSaved: saved,
      saveObjectUrn: {
        saveEntityUrnFeedUpdateUrn: { feedUpdateUrn: { updateUrnActivityUrn: { activityUrn: { activityId } } } },
      },
    },
  };
}

function saveAction(type: 'save' | 'unsave', saved: boolean) {
  return defineAction({
    type,
    bucket: 'saves',
    params: postParams,
    summarize: (p) => `post=${postLabel(p.post)}`,
    async execute(p, ctx) {
      const { threadUrn, kind, id } = p.post;
      const intent = { threadUrn, saved };
      const result = await runVariants<Verdict>(ctx, SAVE, [
        {
          name: 'voyager',
          attempt: () =>
            callAttempt(() =>
              ctx.mutate({ method: 'POST', path: saveStatePath(threadUrn), body: saveStateBody(saved) }, intent),
            ),
        },
        {
          name: 'sdui',
          attempt: () =>
            kind === 'activity'
              ? callAttempt(() => ctx.mutate({ api: 'sdui', action: saveSduiAction(id, saved) }, intent))
              : Promise.resolve(notApplicable('the server action takes an activity id')),
        },
      ]);
      if (result.kind === 'exhausted') return exhaustedOutcome(SAVE, result, `${type} ${threadUrn}`);
      if (result.value.kind !== 'ok') return failureOutcome(result.value, `${type} ${threadUrn}`, SAVE);
      return succeeded(saved ? 'post saved' : 'post unsaved', { saved });
    },
    reconcile: () =>
      Promise.resolve({ kind: 'resend', reason: 'no read-back exists; setting the same state again is safe' }),
  });
}

export const save = saveAction('save', true);
export const unsave = saveAction('unsave', false);
