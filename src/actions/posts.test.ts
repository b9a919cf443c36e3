/** Post-related builders and read-back parsers (reactions, comments, saves, reposts) against v2. */
import { describe, expect, it } from 'vitest';
import { commentBody, commentsPath, findViewerComment, parseCommentResponse } from './comment';
import { reactPath, reactionsPath, unreactSduiAction, viewerReactionInPage } from './reaction';
import { saveSduiAction, saveStateBody, saveStatePath } from './save-state';
import {
  graphqlPath,
  instantRepostAction,
  parseRepost,
  parseReshare,
  repostBody,
  reshareBody,
  REPOST_QUERY_ID,
  RESHARE_QUERY_ID,
} from './share';

const ME = 'urn:li:fsd_profile:ACoAME';

describe('reactions', () => {
  it('react path; the read-back is the reactions list by type (no q=viewerReaction)', () => {
    expect(reactPath('urn:li:activity:1')).toBe('/voyagerSocialDashReactions?threadUrn=urn%3Ali%3Aactivity%3A1');
    expect(reactionsPath('urn:li:activity:1', 100)).toBe(
      '/voyagerSocialDashReactions?q=reactionType&threadUrn=urn%3Ali%3Aactivity%3A1&decorationId=com.linkedin.voyager.dash.deco.social.ReactionsByTypeWithProfileActions-13&start=100&count=100',
    );
  });
  it('finds the viewer in a page of reactions, by actor or by the reaction URN', () => {
    const page = (entities: Record<string, unknown>[]) => ({
      data: { '*elements': entities.map((e) => e.entityUrn), paging: { total: 0 } },
      included: entities,
    });
    const other = {
      entityUrn: 'urn:li:fsd_reaction:(urn:li:fsd_profile:X,urn:li:activity:1,0)',
      reactionType: 'LIKE',
      actorUrn: 'urn:li:fsd_profile:X',
    };
    const mine = { entityUrn: `urn:li:fsd_reaction:(${ME},urn:li:activity:1,0)`, reactionType: 'PRAISE' };
    expect(viewerReactionInPage(page([other, mine]), ME)).toEqual({ type: 'PRAISE', count: 2 });
    expect(viewerReactionInPage(page([other]), ME)).toEqual({ type: null, count: 1 });
    expect(viewerReactionInPage(page([{ ...mine, reactionType: 'ANGRY' }]), ME)).toBeUndefined();
    expect(viewerReactionInPage({ foo: 1 }, ME)).toBeUndefined();
  });
  it('unreact is the captured SDUI envelope with a string enum and the actor binding', () => {
    const action = unreactSduiAction('77', 'LIKE');
    expect(action.id).toBe('com.linkedin.sdui.reactions.delete');
    expect(action.screenId).toBe('com.linkedin.sdui.flagshipnav.feed.UpdateDetail');
    expect(action.payload).toEqual({
      threadUrn: {
        threadUrnActivityThreadUrn: {
          __typename: 'proto_com_linkedin_common_ActivityUrn',
          activityUrn: { activityId: '77' },
        },
      },
      reactionType: 'ReactionType_LIKE',
      reactionSource: 'Update',
    });
    expect(JSON.stringify(action.requestMetadata)).toContain('identitySwitcherActorContext-urn:li:activity:77');
    expect(action.serverRequestExtras).toMatchObject({ isApfcEnabled: false, isStreaming: false, rumPageKey: '' });
  });
});

describe('comments', () => {
  it('body, URN from the body or x-restli-id, read-back via feed/comments', () => {
    expect(commentBody('urn:li:activity:9', 'nice')).toEqual({
      commentary: { text: 'nice', attributesV2: [], $type: 'com.linkedin.voyager.dash.common.text.TextViewModel' },
      threadUrn: 'urn:li:activity:9',
    });
    expect(parseCommentResponse({ data: { entityUrn: 'urn:li:fsd_comment:(123,urn:li:activity:9)' } }, {})).toBe(
      'urn:li:fsd_comment:(123,urn:li:activity:9)',
    );
    expect(parseCommentResponse(null, { 'x-restli-id': 'urn:li:fsd_comment:(5,urn:li:activity:9)' })).toBe(
      'urn:li:fsd_comment:(5,urn:li:activity:9)',
    );
    expect(parseCommentResponse({ data: {} }, {})).toBeUndefined();
    expect(commentsPath('urn:li:activity:9')).toBe('/feed/comments?q=comments&updateId=urn%3Ali%3Aactivity%3A9');
  });
  it('finds the viewer’s exact text; another member’s same text is not ours; no collection is unreadable', () => {
    const json = {
      data: { '*elements': ['urn:li:fs_objectComment:(1,activity:9)', 'urn:li:fs_objectComment:(2,activity:9)'] },
      included: [
        {
          entityUrn: 'urn:li:fs_objectComment:(1,activity:9)',
          commentV2: { text: 'nice' },
          commenter: { 'com.linkedin.voyager.feed.MemberActor': { '*miniProfile': 'urn:li:fs_miniProfile:OTHER' } },
        },
        {
          entityUrn: 'urn:li:fs_objectComment:(2,activity:9)',
          commentV2: { text: 'nice' },
          commenter: { 'com.linkedin.voyager.feed.MemberActor': { '*miniProfile': 'urn:li:fs_miniProfile:ACoAME' } },
        },
      ],
    };
    expect(findViewerComment(json, 'ACoAME', 'nice')).toBe('urn:li:fs_objectComment:(2,activity:9)');
    expect(findViewerComment(json, 'ACoAME', 'other text')).toBeNull();
    expect(findViewerComment({ data: {} }, 'ACoAME', 'nice')).toBeUndefined();
  });
});

describe('save', () => {
  it('Voyager path and body; SDUI payload with isSaved', () => {
    expect(decodeURIComponent(saveStatePath('urn:li:activity:5'))).toBe(
      '/voyagerFeedDashSaveStates/urn:li:fsd_saveState:(SAVE,urn:li:activity:5)',
    );
    expect(saveStateBody(true)).toEqual({ patch: { $set: { saved: true } } });
    expect(saveSduiAction('5', false).payload).toEqual({
      isSaved: false,
      saveObjectUrn: {
        saveEntityUrnFeedUpdateUrn: { feedUpdateUrn: { updateUrnActivityUrn: { activityUrn: { activityId: '5' } } } },
      },
    });
  });
});

describe('share', () => {
  it('the repost takes the share URN as rootContentUrn', () => {
    expect(graphqlPath(REPOST_QUERY_ID)).toBe(
      '/graphql?action=execute&queryId=voyagerFeedDashReposts.a0663ae5c654123343da36617d2dbfde',
    );
    expect(repostBody('urn:li:share:5')).toEqual({
      variables: { entity: { rootContentUrn: 'urn:li:share:5' } },
      queryId: REPOST_QUERY_ID,
    });
    expect(parseRepost({ data: { data: { createFeedDashReposts: { resourceKey: 'urn:li:fsd_repost:1' } } } })).toBe(
      'urn:li:fsd_repost:1',
    );
    expect(parseRepost({ data: { data: { createFeedDashReposts: null } } })).toBeUndefined();
  });
  it('a reshare with commentary is origin RESHARE with a share parent (FEED would be a new post)', () => {
    const body = reshareBody('urn:li:share:5', 'look');
    expect(body.queryId).toBe(RESHARE_QUERY_ID);
    expect(body.variables.post).toMatchObject({
      origin: 'RESHARE',
      parentUrn: 'urn:li:share:5',
      commentary: { text: 'look', attributesV2: [] },
    });
    expect(
      parseReshare({
        data: { data: { createContentcreationDashShares: { entity: { entityUrn: 'urn:li:share:9' } } } },
      }),
    ).toBe('urn:li:share:9');
  });
  it('the instant repost server action takes the activity id', () => {
    expect(instantRepostAction('5').payload).toEqual({
      threadUrn: { threadUrnActivityThreadUrn: { activityUrn: { activityId: '5' } } },
    });
  });
});
