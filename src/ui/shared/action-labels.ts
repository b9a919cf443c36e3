/** Action types, limit buckets and result statuses as people call them, in the user's language. */
import { ACTION_TYPES, actionTypeSchema, type ActionType } from '../../../contract/protocol';
import type { MessageKey, Translate } from '../../i18n/catalog';

const LABELS: Record<ActionType, MessageKey> = {
  connect: 'actionConnect',
  withdraw: 'actionWithdraw',
  message: 'actionMessage',
  react: 'actionReact',
  unreact: 'actionUnreact',
  comment: 'actionComment',
  follow_member: 'actionFollowMember',
  unfollow_member: 'actionUnfollowMember',
  follow_company: 'actionFollowCompany',
  unfollow_company: 'actionUnfollowCompany',
  share: 'actionShare',
  save: 'actionSave',
  unsave: 'actionUnsave',
};

/** The label of an action type; a type this version does not know is shown as it came. */
export function actionLabel(type: string, t: Translate): string {
  const known = actionTypeSchema.safeParse(type);
  return known.success ? t(LABELS[known.data]) : type;
}

/** The audit filter's choices: every action type by its label, with the identifier the log shows. */
export function actionTypeOptions(t: Translate): { value: ActionType; label: string }[] {
  return ACTION_TYPES.map((type) => ({ value: type, label: t('auditTypeOption', [t(LABELS[type]), type]) }));
}

const BUCKET_KEYS: Record<string, MessageKey> = {
  invitations: 'bucketInvitations',
  messages: 'bucketMessages',
  comments: 'bucketComments',
  reactions: 'bucketReactions',
  follows: 'bucketFollows',
  saves: 'bucketSaves',
  shares: 'bucketShares',
  withdrawals: 'bucketWithdrawals',
};

/** A limit bucket as people call it; one this version does not know is shown as it came. */
export function bucketLabel(bucket: string, t: Translate): string {
  const key = BUCKET_KEYS[bucket];
  return key ? t(key) : bucket;
}

const STATUS_KEYS: Record<string, MessageKey> = {
  succeeded: 'statusSucceeded',
  failed: 'statusFailed',
  refused: 'statusRefused',
  deferred: 'statusDeferred',
};

/** A result status ("succeeded", "failed · not_found"); the code is the protocol's, shown as it is. */
export function statusText(status: string, code: string | null, t: Translate): string {
  const key = STATUS_KEYS[status];
  const word = key ? t(key) : status;
  return code ? `${word} · ${code}` : word;
}
