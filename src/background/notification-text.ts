/**
 * The texts of the worker's notifications, in the user's language. Pure: the worker passes
 * chrome.i18n's translator and its locale's formats; unit tests pass the English catalogue.
 */
import type { Translate } from '../i18n/catalog';
import type { LocaleFormat } from '../i18n/locale-format';

export interface NotificationText {
  title: string;
  message: string;
}

export function suspendedNotification(type: string, endpoint: string, t: Translate): NotificationText {
  return { title: t('notifySuspendedTitle', [type]), message: t('notifySuspendedMessage', [type, endpoint]) };
}

export function expiryNotification(count: number, t: Translate, fmt: Pick<LocaleFormat, 'number'>): NotificationText {
  return {
    title: t('notifyExpiredTitle'),
    message: count === 1 ? t('notifyExpiredOne') : t('notifyExpiredMany', [fmt.number(count)]),
  };
}

export function challengeNotification(
  until: number,
  t: Translate,
  fmt: Pick<LocaleFormat, 'dateTime'>,
): NotificationText {
  return { title: t('notifyChallengeTitle'), message: t('notifyChallengeMessage', [fmt.dateTime(until)]) };
}
