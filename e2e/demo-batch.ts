/** The demo's LinkedIn world and its mixed batch (every action type + invalid input). */
import type { Worker } from '@playwright/test';
import type { LinkedInDouble } from './doubles/linkedin/server';
import type { AuditRecord } from '../src/store/db';
import { readStore } from './extension-idb';

export interface DemoWorld {
  friend: string;
  stranger: string;
  colleague: string;
  postA: string;
  postB: string;
  /** postB's share URN: a repost with commentary needs it (voyager-reference.md v2, "Repost"). */
  postBShare: string;
}

export function seedWorld(linkedin: LinkedInDouble): DemoWorld {
  const friend = linkedin.addMember({ slug: 'ada-lovelace', firstName: 'Ada', lastName: 'Lovelace', distance: 1 });
  const stranger = linkedin.addMember({ slug: 'grace-hopper', firstName: 'Grace', lastName: 'Hopper', distance: 2 });
  const colleague = linkedin.addMember({ slug: 'alan-turing', firstName: 'Alan', lastName: 'Turing', distance: 2 });
  linkedin.addCompany({ id: '1441', slug: 'analytical-engines', name: 'Analytical Engines' });
  linkedin.addCompany({ id: '2882', slug: 'difference-co', name: 'Difference Co' });
  linkedin.state.following.add('company:2882');
  const postA = linkedin.addPost({ id: '7123456789012345678' });
  const postB = linkedin.addPost({ id: '7123456789012345999' });
  void friend;
  return {
    friend: friend.slug,
    stranger: stranger.slug,
    colleague: colleague.tail,
    postA: postA.id,
    postB: postB.threadUrn,
    postBShare: postB.shareUrn ?? '',
  };
}

export function demoBatch(w: DemoWorld): Array<{ label: string; type: string; params: Record<string, unknown> }> {
  return [
    {
      label: 'connect (with note)',
      type: 'connect',
      params: {
        profile: `https://www.linkedin.com/in/${w.stranger}/`,
        note: 'Hello Grace, loved your talk on compilers.',
      },
    },
    { label: 'withdraw (by profile)', type: 'withdraw', params: { profile: w.stranger } },
    {
      label: 'message a 1st-degree',
      type: 'message',
      params: { profile: w.friend, text: 'Hi Ada, shall we catch up this week?' },
    },
    { label: 'message a 2nd-degree', type: 'message', params: { profile: w.stranger, text: 'This must be refused.' } },
    { label: 'react FUNNY', type: 'react', params: { post: w.postA, reaction: 'funny' } },
    { label: 'unreact', type: 'unreact', params: { post: `urn:li:activity:${w.postA}` } },
    {
      label: 'comment',
      type: 'comment',
      params: { post: `https://www.linkedin.com/feed/update/${w.postB}/`, text: 'Great write-up, thank you!' },
    },
    { label: 'follow_member (bare id)', type: 'follow_member', params: { profile: w.colleague } },
    { label: 'unfollow_member', type: 'unfollow_member', params: { profile: `urn:li:fsd_profile:${w.colleague}` } },
    {
      label: 'follow_company (URL)',
      type: 'follow_company',
      params: { company: 'https://www.linkedin.com/company/analytical-engines/' },
    },
    { label: 'unfollow_company (id)', type: 'unfollow_company', params: { company: '2882' } },
    { label: 'share with commentary', type: 'share', params: { post: w.postBShare, commentary: 'Worth a read.' } },
    { label: 'save', type: 'save', params: { post: w.postA } },
    { label: 'unsave', type: 'unsave', params: { post: w.postA } },
    { label: 'invalid: react ANGRY', type: 'react', params: { post: w.postA, reaction: 'ANGRY' } },
  ];
}

/** The extension's audit log, read in its own service worker. */
export function auditFromWorker(worker: Worker): Promise<AuditRecord[]> {
  return readStore<AuditRecord>(worker, 'audit');
}
