/** Action types as people call them, for sentences such as "Withdraw is suspended: …". */
import { actionTypeSchema, type ActionType } from '../../../contract/protocol';

const LABELS: Record<ActionType, string> = {
  connect: 'Connect',
  withdraw: 'Withdraw',
  message: 'Message',
  react: 'React',
  unreact: 'Remove reaction',
  comment: 'Comment',
  follow_member: 'Follow a member',
  unfollow_member: 'Unfollow a member',
  follow_company: 'Follow a company',
  unfollow_company: 'Unfollow a company',
  share: 'Share',
  save: 'Save',
  unsave: 'Unsave',
};

/** The label of an action type; a type this version does not know is shown as it came. */
export function actionLabel(type: string): string {
  const known = actionTypeSchema.safeParse(type);
  return known.success ? LABELS[known.data] : type;
}
