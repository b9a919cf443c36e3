import { describe, expect, it } from 'vitest';
import { parseRelationshipResponse, pendingInvitation, relationshipFromProfileLookup, relationshipPath } from './relationship';

const rel = (union: unknown, included: unknown[] = []) => ({
  data: { entityUrn: 'urn:li:fsd_memberRelationship:ACoAAB1', memberRelationshipUnion: union },
  included,
});

describe('relationship', () => {
  it('builds the URL-encoded relationship path', () => {
    expect(relationshipPath('ACoAAB1')).toBe('/voyagerRelationshipsDashMemberRelationships/urn%3Ali%3Afsd_memberRelationship%3AACoAAB1');
  });
  it.each([{ '*connection': 'urn:li:fsd_connection:ACoAAB1' }, { connection: {} }, { connectedMember: 'urn:li:fsd_profile:x' }])(
    '%j is 1st degree',
    (union) => {
      expect(parseRelationshipResponse(rel(union)).kind).toBe('connected');
    },
  );
  it('noConnection with a distance and no invitation', () => {
    expect(parseRelationshipResponse(rel({ noConnection: { memberDistance: 'DISTANCE_2', invitationUnion: { noInvitation: {} } } }))).toEqual({
      kind: 'not_connected',
      distance: 'DISTANCE_2',
      invitation: null,
    });
  });
  it('a pending invitation is found through included', () => {
    const r = parseRelationshipResponse(
      rel({ noConnection: { memberDistance: 'DISTANCE_3', invitationUnion: { '*invitation': 'urn:li:fsd_invitation:77' } } }, [
        { entityUrn: 'urn:li:fsd_invitation:77', invitationState: 'PENDING', sharedSecret: 's3' },
      ]),
    );
    expect(pendingInvitation(r)).toEqual({ urn: 'urn:li:fsd_invitation:77', sharedSecret: 's3' });
  });
  it('an accepted/withdrawn invitation is not pending', () => {
    const r = parseRelationshipResponse(
      rel({ noConnection: { memberDistance: 'DISTANCE_2', invitationUnion: { '*invitation': 'urn:li:fsd_invitation:78' } } }, [
        { entityUrn: 'urn:li:fsd_invitation:78', invitationState: 'WITHDRAWN' },
      ]),
    );
    expect(pendingInvitation(r)).toBeNull();
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
        { entityUrn: 'urn:li:fsd_memberRelationship:ACoAAB1', memberRelationshipUnion: { '*connection': 'urn:li:fsd_connection:ACoAAB1' } },
      ],
    };
    expect(relationshipFromProfileLookup(json, 'urn:li:fsd_profile:ACoAAB1').kind).toBe('connected');
    expect(relationshipFromProfileLookup(json, 'urn:li:fsd_profile:OTHER').kind).toBe('unknown');
  });
});
