/**
 * save / unsave a post.
 *
 * Endpoint (voyager-reference.md "Save / unsave", confidence high):
 *   POST /voyager/api/voyagerFeedDashSaveStates/<URL-encoded urn:li:fsd_saveState:(SAVE,<thread urn>)>
 *   body {"patch":{"$set":{"saved":true|false}}}
 * Read-back (GET on the same resource → data.saved) is assumed (low confidence).
 */
import { dataOf } from '../voyager/normalized';
import { postParams } from '../../contract/params';
import { postLabel } from './labels';
import { defineAction, failureOutcome, succeeded, type Reconciliation } from './types';

export function saveStatePath(threadUrn: string): string {
  return `/voyagerFeedDashSaveStates/${encodeURIComponent(`urn:li:fsd_saveState:(SAVE,${threadUrn})`)}`;
}

export function saveStateBody(saved: boolean) {
  return { patch: { $set: { saved } } };
}

function saveAction(type: 'save' | 'unsave', saved: boolean) {
  const done = () => succeeded(saved ? 'post saved' : 'post unsaved', { saved });
  return defineAction({
    type,
    bucket: 'saves',
    params: postParams,
    summarize: (p) => `post=${postLabel(p.post)}`,
    async execute(p, ctx) {
      const { threadUrn } = p.post;
      const verdict = await ctx.mutate({ method: 'POST', path: saveStatePath(threadUrn), body: saveStateBody(saved) }, { threadUrn, saved });
      if (verdict.kind !== 'ok') return failureOutcome(verdict, `${type} ${threadUrn}`);
      return done();
    },
    async reconcile(p, _intent, ctx): Promise<Reconciliation> {
      const verdict = await ctx.voyager.call({ method: 'GET', path: saveStatePath(p.post.threadUrn) });
      const state = verdict.kind === 'ok' ? dataOf(verdict.json)?.saved : undefined;
      if (typeof state !== 'boolean') return { kind: 'unknown', reason: `save state unreadable (HTTP ${verdict.status})` };
      return state === saved ? { kind: 'done', outcome: done() } : { kind: 'not_done' };
    },
  });
}

export const save = saveAction('save', true);
export const unsave = saveAction('unsave', false);
