/** Connect (D6), CANT_RESEND_YET timing, RECEIVED invitations (D5), the sent list (D7), the withdraw variants (D8). */
import { describe, expect, it } from 'vitest';
import { call, sdui } from './test-client';
import {
  CONNECT,
  connectBody,
  connectEnvelope,
  deletePath,
  dig,
  lastOf,
  legacyWithdrawPath,
  profilePath,
  relPath,
  SDUI,
  sentPath,
  useDouble,
  withdrawEnvelope,
  withdrawPath,
} from './test-helpers';
import type { LinkedInDouble, Member } from './types';

const double = useDouble();
const DAY = 86_400_000;

async function invite(li: LinkedInDouble, m: Member, note?: string): Promise<string> {
  const r = await call(li, 'POST', CONNECT, { body: connectBody(m, note) });
  expect(r.status).toBe(200);
  return (
    String(dig(r.json, 'data', 'value', 'invitationUrn'))
      .split(':')
      .at(-1) ?? ''
  );
}

describe('connect', () => {
  it('D6 success shape; the relationship and the top card show a SENT invitation', async () => {
    const li = double();
    const m = li.addMember({ slug: 'alice-example' });
    const r = await call(li, 'POST', CONNECT, { body: connectBody(m, 'Hello Alice') });
    expect(r.status).toBe(200);
    const urn = String(dig(r.json, 'data', 'value', 'invitationUrn'));
    expect(urn).toMatch(/^urn:li:fsd_invitation:\d+$/);
    const id = urn.split(':').at(-1) ?? '';
    const sharedSecret = li.state.invitations.get(id)?.sharedSecret;
    expect(r.json).toEqual({
      data: { value: { '*invitation': urn, invitationUrn: urn } },
      included: [
        {
          $type: 'com.linkedin.voyager.dash.relationships.invitation.Invitation',
          entityUrn: urn,
          invitationState: 'PENDING',
          invitationType: 'SENT',
          sentTime: expect.any(Number),
          sharedSecret,
        },
      ],
    });
    expect(lastOf(li)).toMatchObject({ endpoint: 'connect', mutation: true, status: 200 });
    const rel = await call(li, 'GET', relPath(m));
    expect(dig(rel.json, 'data', 'memberRelationshipUnion', 'noConnection', 'invitationUnion')).toEqual({
      '*invitation': urn,
    });
    expect(dig(rel.json, 'included', 0)).toMatchObject({
      entityUrn: urn,
      invitationType: 'SENT',
      invitationState: 'PENDING',
    });
    expect(dig((await call(li, 'GET', profilePath(m.slug))).json, 'included', 3)).toMatchObject({
      entityUrn: urn,
      invitationType: 'SENT',
    });
  });

  it('refusals: connected 400 ALREADY_CONNECTED, unknown 404, not invitable 403, note > 300 400, empty note 400 + violation', async () => {
    const li = double();
    const friend = li.addMember({ slug: 'f-f', distance: 1 });
    expect((await call(li, 'POST', CONNECT, { body: connectBody(friend) })).json).toEqual({
      data: { code: 'ALREADY_CONNECTED', status: 400 },
    });
    expect((await call(li, 'POST', CONNECT, { body: connectBody({ ...friend, tail: 'ACoAAghost' }) })).status).toBe(
      404,
    );
    const closed = li.addMember({ slug: 'c-c', invitable: false });
    const forbidden = await call(li, 'POST', CONNECT, { body: connectBody(closed) });
    expect(forbidden.status).toBe(403);
    expect(forbidden.text).not.toMatch(/csrf/i);
    const m = li.addMember({ slug: 'a-b' });
    expect((await call(li, 'POST', CONNECT, { body: connectBody(m, 'x'.repeat(301)) })).status).toBe(400);
    expect(li.violations).toEqual([]);
    expect((await call(li, 'POST', CONNECT, { body: connectBody(m, '') })).status).toBe(400);
    expect(li.violations).toEqual([expect.stringContaining('empty customMessage')]);
    expect(li.state.invitations.size).toBe(0);
    expect(li.mutations()).toEqual([]);
  });

  it('CANT_RESEND_YET while pending, and for 21 days after a withdraw (double clock)', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    const id = await invite(li, m);
    const again = await call(li, 'POST', CONNECT, { body: connectBody(m) });
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ data: { code: 'CANT_RESEND_YET', status: 400 } });
    expect((await call(li, 'POST', withdrawPath(id), { body: { invitationType: 'CONNECTION' } })).status).toBe(204);
    expect(li.state.withdrawnAt.get(m.tail)).toBeGreaterThan(0);
    expect(dig((await call(li, 'POST', CONNECT, { body: connectBody(m) })).json, 'data', 'code')).toBe(
      'CANT_RESEND_YET',
    );
    li.clock.advance(20 * DAY);
    expect(dig((await call(li, 'POST', CONNECT, { body: connectBody(m) })).json, 'data', 'code')).toBe(
      'CANT_RESEND_YET',
    );
    li.clock.advance(2 * DAY);
    expect(li.clock.offsetMs).toBe(22 * DAY);
    expect((await call(li, 'POST', CONNECT, { body: connectBody(m) })).status).toBe(200);
  });

  it('SDUI connect: note-less invitation; refusals as 200 failure text', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    const r = await sdui(li, SDUI.connect.id, connectEnvelope(m));
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/x-component');
    expect([...li.state.invitations.values()]).toMatchObject([{ inviteeTail: m.tail, type: 'SENT' }]);
    expect(lastOf(li)).toMatchObject({ endpoint: 'connect.sdui', mutation: true, surface: 'sdui' });
    const again = await sdui(li, SDUI.connect.id, connectEnvelope(m));
    expect(again.status).toBe(200);
    expect(again.text).toContain('Failed to send invitation: CANT_RESEND_YET');
    expect(lastOf(li)?.mutation).toBe(false);
  });
});

describe('received invitations (D5)', () => {
  it('show as RECEIVED in the relationship; every withdraw variant refuses them and records a violation', async () => {
    const li = double();
    const m = li.addMember({ slug: 'r-r' });
    const inv = li.addReceivedInvitation(m);
    const rel = await call(li, 'GET', relPath(m));
    expect(dig(rel.json, 'data', 'memberRelationshipUnion', 'noConnection', 'invitationUnion')).toEqual({
      '*invitation': `urn:li:fsd_invitation:${inv.id}`,
    });
    expect(dig(rel.json, 'included', 0)).toMatchObject({
      invitationType: 'RECEIVED',
      invitationState: 'PENDING',
      sharedSecret: inv.sharedSecret,
    });
    const v1 = await call(li, 'POST', withdrawPath(inv.id), { body: { invitationType: 'CONNECTION' } });
    expect(v1.json).toEqual({ data: { code: 'INVITATION_NOT_PENDING', status: 400 } });
    const v2 = await sdui(li, SDUI.withdraw.id, withdrawEnvelope(inv.id, m));
    expect(v2.status).toBe(200);
    expect(v2.text).toContain('Failed to withdraw invitation');
    const v3 = await call(li, 'POST', legacyWithdrawPath(inv.id), {
      body: { invitationId: inv.id, invitationSharedSecret: inv.sharedSecret, isGenericInvitation: false },
    });
    expect(v3.status).toBe(200);
    expect(v3.json).toEqual({ status: 400 });
    expect(li.state.receivedInvitations.has(inv.id)).toBe(true);
    expect(li.violations).toHaveLength(3);
    expect(li.violations.every((v) => v.includes('RECEIVED'))).toBe(true);
    expect(li.mutations()).toEqual([]);
  });
});

describe('sent list (D7)', () => {
  it('data.data with fs_relInvitation rows, paging.total 0, newest first, short last page', async () => {
    const li = double();
    const members = ['a-1', 'b-2', 'c-3'].map((slug) => li.addMember({ slug }));
    const ids: string[] = [];
    for (const [i, m] of members.entries()) ids.push(await invite(li, m, i === 2 ? 'Hi C' : undefined));
    const p1 = await call(li, 'GET', sentPath(0, 2));
    expect(dig(p1.json, 'data', 'data', 'paging')).toEqual({ start: 0, count: 2, total: 0 });
    expect(dig(p1.json, 'data', 'data', '*elements')).toEqual([
      `urn:li:fs_relInvitationView:${ids[2]}`,
      `urn:li:fs_relInvitationView:${ids[1]}`,
    ]);
    const included = dig(p1.json, 'included') as Record<string, unknown>[];
    expect(included.find((e) => e.entityUrn === `urn:li:fs_relInvitationView:${ids[2]}`)).toMatchObject({
      '*invitation': `urn:li:fs_relInvitation:${ids[2]}`,
    });
    expect(included.find((e) => e.entityUrn === `urn:li:fs_relInvitation:${ids[2]}`)).toEqual({
      $type: 'com.linkedin.voyager.relationships.invitation.Invitation',
      entityUrn: `urn:li:fs_relInvitation:${ids[2]}`,
      mailboxItemId: ids[2],
      '*toMember': `urn:li:fs_miniProfile:${members[2]?.tail}`,
      sharedSecret: expect.any(String),
      sentTime: expect.any(Number),
      customMessage: true,
      message: 'Hi C',
    });
    expect(included.find((e) => e.entityUrn === `urn:li:fs_relInvitation:${ids[1]}`)).toMatchObject({
      customMessage: false,
      message: null,
    });
    expect(included.some((e) => e.publicIdentifier === 'c-3')).toBe(true);
    expect(dig((await call(li, 'GET', sentPath(2, 2))).json, 'data', 'data', '*elements')).toHaveLength(1);
    expect(lastOf(li)?.endpoint).toBe('sentInvitations');
  });
});

describe('withdraw (D8)', () => {
  it('variant 1: 204, then INVITATION_NOT_PENDING; exact body', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    const id = await invite(li, m);
    expect((await call(li, 'POST', withdrawPath(id), { body: { invitationType: 'CONNECTION', x: 1 } })).status).toBe(
      400,
    );
    const r = await call(li, 'POST', withdrawPath(id), { body: { invitationType: 'CONNECTION' } });
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect(lastOf(li)).toMatchObject({ endpoint: 'withdraw', mutation: true });
    expect(li.state.withdrawnInvitations.has(id)).toBe(true);
    expect((await call(li, 'POST', withdrawPath(id), { body: { invitationType: 'CONNECTION' } })).json).toEqual({
      data: { code: 'INVITATION_NOT_PENDING', status: 400 },
    });
    expect(
      dig(
        (await call(li, 'GET', relPath(m))).json,
        'data',
        'memberRelationshipUnion',
        'noConnection',
        'invitationUnion',
      ),
    ).toEqual({ noInvitation: {} });
  });

  it('variant 2 (SDUI): 200 RSC, then "Failed to withdraw invitation" for an already withdrawn one', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    const id = await invite(li, m);
    const r = await sdui(li, SDUI.withdraw.id, withdrawEnvelope(id, m));
    expect(r.status).toBe(200);
    expect(r.text).toBe('0:{"actions":[]}\n');
    expect(lastOf(li)).toMatchObject({ endpoint: 'withdraw.sdui', mutation: true });
    expect(li.state.invitations.size).toBe(0);
    const again = await sdui(li, SDUI.withdraw.id, withdrawEnvelope(id, m));
    expect(again.status).toBe(200);
    expect(again.text).toContain('Failed to withdraw invitation');
    expect(lastOf(li)?.mutation).toBe(false);
  });

  it('variant 3 (legacy): 200 {"data":{}}; gone or wrong secret → 200 {"status":400}', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    const id = await invite(li, m);
    const secret = li.state.invitations.get(id)?.sharedSecret ?? '';
    const body = (s: string) => ({ invitationId: id, invitationSharedSecret: s, isGenericInvitation: false });
    expect(
      (await call(li, 'POST', legacyWithdrawPath(id), { body: { ...body(secret), invitationId: '1' } })).status,
    ).toBe(400);
    expect((await call(li, 'POST', legacyWithdrawPath(id), { body: body('wrong') })).json).toEqual({ status: 400 });
    expect(lastOf(li)).toMatchObject({ status: 200, mutation: false });
    const ok = await call(li, 'POST', legacyWithdrawPath(id), { body: body(secret) });
    expect(ok.json).toEqual({ data: {} });
    expect(lastOf(li)).toMatchObject({ endpoint: 'withdraw.legacy', mutation: true });
    expect((await call(li, 'POST', legacyWithdrawPath(id), { body: body(secret) })).json).toEqual({ status: 400 });
  });

  it('variant 4 (DELETE) before 1–3 answered "next variant": 400 + violation, nothing applied', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    const id = await invite(li, m);
    const r = await call(li, 'DELETE', deletePath(id));
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ status: 400 });
    expect(lastOf(li)).toMatchObject({ endpoint: 'withdraw.delete', mutation: false });
    expect(li.violations).toEqual([
      expect.stringContaining('invitation DELETE before withdraw, withdraw.sdui, withdraw.legacy'),
    ]);
    expect(li.state.invitations.has(id)).toBe(true);
  });

  it('variant 4 after 1–3 were switched to nextVariant and answered so: 204', async () => {
    const li = double();
    const m = li.addMember({ slug: 'a-b' });
    const id = await invite(li, m);
    const secret = li.state.invitations.get(id)?.sharedSecret ?? '';
    li.fail({ kind: 'nextVariant', status: 404 }, { match: (r) => r.endpoint === 'withdraw' });
    li.fail({ kind: 'nextVariant', status: 400 }, { match: (r) => r.endpoint === 'withdraw.sdui' });
    li.fail({ kind: 'nextVariant', status: 410 }, { match: (r) => r.endpoint === 'withdraw.legacy' });
    expect((await call(li, 'POST', withdrawPath(id), { body: { invitationType: 'CONNECTION' } })).json).toEqual({
      status: 404,
    });
    expect((await call(li, 'DELETE', deletePath(id))).status).toBe(400); // only one variant tried so far
    expect(li.violations).toHaveLength(1);
    const s = await sdui(li, SDUI.withdraw.id, withdrawEnvelope(id, m));
    expect([s.status, s.text]).toEqual([400, 'Bad Request']);
    expect(
      (
        await call(li, 'POST', legacyWithdrawPath(id), {
          body: { invitationId: id, invitationSharedSecret: secret, isGenericInvitation: false },
        })
      ).status,
    ).toBe(410);
    expect(li.state.invitations.has(id)).toBe(true);
    const r = await call(li, 'DELETE', deletePath(id));
    expect(r.status).toBe(204);
    expect(lastOf(li)).toMatchObject({ endpoint: 'withdraw.delete', mutation: true });
    expect(li.violations).toHaveLength(1);
    expect(li.state.withdrawnAt.has(m.tail)).toBe(true);
  });
});
