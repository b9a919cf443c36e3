import { describe, expect, it } from 'vitest';
import {
  invitationPending,
  parseRelationshipResponse,
  relationshipFromProfileLookup,
  relationshipPath,
  sentPendingInvitation,
} from './relationship';

const rel = (union: unknown, included: unknown[] = []) => ({
  data: { entityUrn: 'urn:li:fsd_memberRelationship:ACoAAB1', memberRelationshipUnion: union },
  included,
});

describe('relationship', () => {
  it('builds the URL-encoded relationship path', () => {
    expect(relationshipPath('ACoAAB1')).toBe(
      '/voyagerRelationshipsDashMemberRelationships/urn%3Ali%3Afsd_memberRelationship%3AACoAAB1',
    );
  });
  it.each([
    { '*connection': 'urn:li:fsd_connection:ACoAAB1' },
    { connection: {} },
    { connectedMember: 'urn:li:fsd_profile:x' },
  ])('%j is 1st degree', (union) => {
    expect(parseRelationshipResponse(rel(union)).kind).toBe('connected');
  });
  it('noConnection with a distance and no invitation', () => {
    expect(
      parseRelationshipResponse(
        rel({ noConnection: { memberDistance: 'DISTANCE_2', invitationUnion: { noInvitation: {} } } }),
      ),
    ).toEqual({
      kind: 'not_connected',
      distance: 'DISTANCE_2',
      invitation: null,
    });
  });
  const withInvitation = (entity: Record<string, unknown>) =>
    parseRelationshipResponse(
      rel(
        {
          noConnection: {
            memberDistance: 'DISTANCE_3',
            invitationUnion: { '*invitation': 'urn:li:fsd_invitation:77' },
          },
        },
        [{ entityUrn: 'urn:li:fsd_invitation:77', ...entity }],
      ),
    );
  it('our pending invitation: SENT and PENDING, found through included', () => {
    const r = withInvitation({ invitationState: 'PENDING', invitationType: 'SENT', sharedSecret: 's3' });
    expect(sentPendingInvitation(r)).toEqual({ urn: 'urn:li:fsd_invitation:77', sharedSecret: 's3' });
    expect(invitationPending(r)).toBe(true);
  });
  it('a RECEIVED invitation is never ours; one that does not say its direction is unknown', () => {
    const received = withInvitation({ invitationState: 'PENDING', invitationType: 'RECEIVED' });
    expect(sentPendingInvitation(received)).toBeNull();
    expect(invitationPending(received)).toBe(false);
    const unsaid = withInvitation({ invitationState: 'PENDING' });
    expect(sentPendingInvitation(unsaid)).toBeNull();
    expect(invitationPending(unsaid)).toBe('unknown');
  });
  it('noInvitation means nothing of ours is pending', () => {
    expect(
      invitationPending(
        parseRelationshipResponse(
          rel({ noConnection: { memberDistance: 'DISTANCE_2', invitationUnion: { noInvitation: {} } } }),
        ),
      ),
    ).toBe(false);
    expect(invitationPending(parseRelationshipResponse(rel({})))).toBe('unknown');
  });
  it('an accepted/withdrawn invitation is not pending', () => {
    const r = parseRelationshipResponse(
      rel(
        {
          noConnection: {
            memberDistance: 'DISTANCE_2',
            invitationUnion: { '*invitation': 'urn:li:fsd_invitation:78' },
          },
        },
        [{ entityUrn: 'urn:li:fsd_invitation:78', invitationState: 'WITHDRAWN', invitationType: 'SENT' }],
      ),
    );
    expect(sentPendingInvitation(r)).toBeNull();
  });
  it.each([
    ['missing union', undefined],
    ['empty union', {}],
    ['contradictory', { '*connection': 'urn:li:fsd_connection:x', noConnection: { memberDistance: 'DISTANCE_2' } }],
    ['garbage', 'CONNECTED'],
  ])('%s is unknown (never assumed connected)', (_name, union) => {
    expect(parseRelationshipResponse(rel(union)).kind).toBe('unknown');
  });
  it('reads the relationship out of a profile lookup', () => {
    const json = {
      data: { '*elements': ['urn:li:fsd_profile:ACoAAB1'] },
      included: [
        { entityUrn: 'urn:li:fsd_profile:ACoAAB1', '*memberRelationship': 'urn:li:fsd_memberRelationship:ACoAAB1' },
        {
          entityUrn: 'urn:li:fsd_memberRelationship:ACoAAB1',
          memberRelationshipUnion: { '*connection': 'urn:li:fsd_connection:ACoAAB1' },
        },
      ],
    };
    expect(relationshipFromProfileLookup(json, 'urn:li:fsd_profile:ACoAAB1').kind).toBe('connected');
    expect(relationshipFromProfileLookup(json, 'urn:li:fsd_profile:OTHER').kind).toBe('unknown');
  });
});
