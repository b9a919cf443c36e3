/**
 * SDUI feed actions (D3 low): unreact (v2: the only working unreact, MG live
 * 2026-07, only LIKE captured; D11: activity threads only), save (MG
 * verified), instant repost (MG verified in a browser).
 */
import { rsc, rscFailure } from '../http';
import { newEntityId } from '../ids';
import { boolean, exactObject, literal, oneOf, string } from '../shape';
import { REACTION_TYPES, type ReactionType } from '../types';
import { defineAction } from './types';

const OK = JSON.stringify({ actions: [] });
const DIGITS = /^[0-9]+$/;
const SDUI_REACTION_TYPES = REACTION_TYPES.map((t) => `ReactionType_${t}` as const);

function activityId(v: unknown, at: string): string {
  return string(exactObject(v, at, ['activityId']).activityId, `${at}.activityId`, { pattern: DIGITS });
}

/** D3: a Bindable whose key id names the activity, with an empty string binding (nesting as in MG's capture). */
function checkCurrentActor(v: unknown, activity: string): void {
  const at = 'requestMetadata.currentActor';
  const actor = exactObject(v, at, ['$type', 'key', 'content']);
  literal(actor.$type, `${at}.$type`, 'proto.sdui.bindings.core.Bindable');
  const key = exactObject(exactObject(actor.key, `${at}.key`, ['key']).key, `${at}.key.key`, ['value']);
  const value = exactObject(key.value, `${at}.key.key.value`, ['$case', 'id']);
  literal(value.$case, `${at}.key.key.value.$case`, 'id');
  literal(value.id, `${at}.key.key.value.id`, `identitySwitcherActorContext-urn:li:activity:${activity}`);
  const content = exactObject(actor.content, `${at}.content`, ['$case', 'stringBinding']);
  literal(content.$case, `${at}.content.$case`, 'stringBinding');
  exactObject(content.stringBinding, `${at}.content.stringBinding`, []);
}

export const unreactSdui = defineAction({
  id: 'com.linkedin.sdui.reactions.delete',
  endpoint: 'unreact.sdui',
  screen: 'com.linkedin.sdui.flagshipnav.feed.UpdateDetail',
  stateKeys: [],
  capturedEnvelope: true,
  parse(payload, metadata) {
    const p = exactObject(payload, 'payload', ['threadUrn', 'reactionType', 'reactionSource']);
    const thread = exactObject(
      exactObject(p.threadUrn, 'payload.threadUrn', ['threadUrnActivityThreadUrn']).threadUrnActivityThreadUrn,
      'payload.threadUrn.threadUrnActivityThreadUrn',
      ['__typename', 'activityUrn'],
    );
    literal(
      thread.__typename,
      'payload.threadUrn.threadUrnActivityThreadUrn.__typename',
      'proto_com_linkedin_common_ActivityUrn',
    );
    const id = activityId(thread.activityUrn, 'payload.threadUrn.threadUrnActivityThreadUrn.activityUrn');
    const sduiType = oneOf(p.reactionType, 'payload.reactionType', SDUI_REACTION_TYPES);
    literal(p.reactionSource, 'payload.reactionSource', 'Update');
    checkCurrentActor(metadata.currentActor, id);
    return { threadUrn: `urn:li:activity:${id}`, type: sduiType.slice('ReactionType_'.length) as ReactionType };
  },
  apply(ctx, p) {
    if (!ctx.state.posts.has(p.threadUrn)) return rscFailure('Failed to delete reaction');
    const current = ctx.state.reactions.get(p.threadUrn);
    if (current === undefined) return rsc(OK, true); // nothing to remove
    if (current !== p.type) return rscFailure('Failed to delete reaction');
    ctx.state.reactions.delete(p.threadUrn);
    return rsc(OK);
  },
});

export const saveSdui = defineAction({
  id: 'com.linkedin.sdui.update.saveState',
  endpoint: 'save.sdui',
  screen: 'com.linkedin.sdui.flagshipnav.feed.MainFeed',
  stateKeys: [],
  parse(payload) {
    const at = 'payload.saveObjectUrn';
    const p = exactObject(payload, 'payload', ['isSaved', 'saveObjectUrn']);
    const saved = boolean(p.isSaved, 'payload.isSaved');
    const a = exactObject(p.saveObjectUrn, at, ['saveEntityUrnFeedUpdateUrn']);
    const b = exactObject(a.saveEntityUrnFeedUpdateUrn, `${at}.saveEntityUrnFeedUpdateUrn`, ['feedUpdateUrn']);
    const c = exactObject(b.feedUpdateUrn, `${at}.….feedUpdateUrn`, ['updateUrnActivityUrn']);
    const d = exactObject(c.updateUrnActivityUrn, `${at}.….updateUrnActivityUrn`, ['activityUrn']);
    return { saved, threadUrn: `urn:li:activity:${activityId(d.activityUrn, `${at}.….activityUrn`)}` };
  },
  apply(ctx, p) {
    if (!ctx.state.posts.has(p.threadUrn)) return rscFailure('Failed to save');
    if (p.saved) ctx.state.saved.add(p.threadUrn);
    else ctx.state.saved.delete(p.threadUrn);
    return rsc(OK);
  },
});

export const shareSdui = defineAction({
  id: 'com.linkedin.sdui.feed.requests.createInstantRepost',
  endpoint: 'share.sdui',
  screen: 'com.linkedin.sdui.flagshipnav.feed.MainFeed',
  stateKeys: [],
  parse(payload) {
    const p = exactObject(payload, 'payload', ['threadUrn']);
    const t = exactObject(p.threadUrn, 'payload.threadUrn', ['threadUrnActivityThreadUrn']);
    const a = exactObject(t.threadUrnActivityThreadUrn, 'payload.threadUrn.threadUrnActivityThreadUrn', [
      'activityUrn',
    ]);
    return {
      threadUrn: `urn:li:activity:${activityId(a.activityUrn, 'payload.threadUrn.threadUrnActivityThreadUrn.activityUrn')}`,
    };
  },
  apply(ctx, p) {
    if (!ctx.state.posts.has(p.threadUrn)) return rscFailure('Failed to repost');
    ctx.state.shares.push({
      urn: `urn:li:fsd_repost:${newEntityId()}`,
      parentUrn: p.threadUrn,
      text: '',
      via: 'share.sdui',
    });
    return rsc(OK);
  },
});
