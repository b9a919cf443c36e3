/** Action type → its module. The only place that lists them. */
import { comment } from './comment';
import { connect } from './connect';
import { followCompany, followMember, unfollowCompany, unfollowMember } from './following-state';
import { message } from './message';
import { react, unreact } from './reaction';
import { save, unsave } from './save-state';
import { share } from './share';
import type { RegisteredAction } from './types';
import { withdraw } from './withdraw';

const registered: RegisteredAction[] = [
  connect,
  withdraw,
  message,
  react,
  unreact,
  comment,
  followMember,
  unfollowMember,
  followCompany,
  unfollowCompany,
  share,
  save,
  unsave,
];

export const ACTIONS: ReadonlyMap<string, RegisteredAction> = new Map(registered.map((a) => [a.type, a]));
