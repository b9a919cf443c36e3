/**
 * The rows of the requests-per-action table: what each row measures and its
 * goal, and the shape of a step (priming actions, then the measured one).
 */
import type { ActionType, ResultStatus } from '../../../contract/protocol';

export const ACTION_TIMEOUT_MS = 90_000;
/** RELATIONSHIP_CACHE_TTL_MS (10 min) as the scale-100 build experiences it. */
export const RELATIONSHIP_TTL_AT_SCALE = (10 * 60_000) / 100;

export type RowKey =
  | 'connect'
  | 'withdraw_urn'
  | 'withdraw_profile'
  | 'message'
  | 'react'
  | 'unreact'
  | 'comment'
  | 'follow_member'
  | 'unfollow_member'
  | 'follow_company'
  | 'unfollow_company'
  | 'share'
  | 'save'
  | 'unsave';

export interface RowDef {
  key: RowKey;
  label: string;
  type: ActionType;
  input: string;
  goal: { cold: number; warm: number };
}

/** The goals: warm = 1 (the mutation) except message ≤ 2; cold ≤ 2, ≤ 3 for message and withdraw by profile. */
export const ROWS: readonly RowDef[] = [
  {
    key: 'connect',
    label: 'connect',
    type: 'connect',
    input: 'profile URL (/in/<slug>/) + note',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'withdraw_urn',
    label: 'withdraw (invitationUrn)',
    type: 'withdraw',
    input: 'urn:li:fsd_invitation:<id>',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'withdraw_profile',
    label: 'withdraw (profile)',
    type: 'withdraw',
    input: 'profile URL (/in/<slug>/)',
    goal: { cold: 3, warm: 1 },
  },
  {
    key: 'message',
    label: 'message',
    type: 'message',
    input: 'profile URL (/in/<slug>/), 1st degree',
    goal: { cold: 3, warm: 2 },
  },
  {
    key: 'react',
    label: 'react',
    type: 'react',
    input: 'post URL (/feed/update/urn:li:activity:<id>/)',
    goal: { cold: 2, warm: 1 },
  },
  // v2: the server action's 200 has no success marker, so the reactions list confirms it (one read more than a Voyager DELETE would need).
  {
    key: 'unreact',
    label: 'unreact',
    type: 'unreact',
    input: 'post URL (/feed/update/urn:li:activity:<id>/)',
    goal: { cold: 3, warm: 2 },
  },
  {
    key: 'comment',
    label: 'comment',
    type: 'comment',
    input: 'post URL (/feed/update/urn:li:activity:<id>/)',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'follow_member',
    label: 'follow_member',
    type: 'follow_member',
    input: 'profile URL (/in/<slug>/)',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'unfollow_member',
    label: 'unfollow_member',
    type: 'unfollow_member',
    input: 'profile URL (/in/<slug>/)',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'follow_company',
    label: 'follow_company',
    type: 'follow_company',
    input: 'company URL (/company/<slug>/)',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'unfollow_company',
    label: 'unfollow_company',
    type: 'unfollow_company',
    input: 'company URL (/company/<slug>/)',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'share',
    label: 'share',
    type: 'share',
    input: 'urn:li:share:<id> + commentary (v2: a repost with text needs the share URN)',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'save',
    label: 'save',
    type: 'save',
    input: 'post URL (/feed/update/urn:li:activity:<id>/)',
    goal: { cold: 2, warm: 1 },
  },
  {
    key: 'unsave',
    label: 'unsave',
    type: 'unsave',
    input: 'post URL (/feed/update/urn:li:activity:<id>/)',
    goal: { cold: 2, warm: 1 },
  },
];

export interface ActionSpec {
  label: string;
  type: ActionType;
  params: Record<string, unknown>;
  expect: { status: ResultStatus; code: string | null };
}

export type Phase = 'cold' | 'warm' | 'extra';

export interface Step {
  row: RowKey;
  phase: Phase;
  /** For extra rows: what is measured. */
  title?: string;
  setup: string;
  clearCache: boolean;
  /** Changes to the LinkedIn double's world before the step (e.g. a pending invitation). */
  before?: () => void;
  prime: ActionSpec[];
  /** Changes to the double's world after the priming actions (e.g. moving its clock). */
  afterPrime?: () => void;
  /** A function when the params exist only after `before` (e.g. an invitation URN). */
  measure: ActionSpec | (() => ActionSpec);
}
