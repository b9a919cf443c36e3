/**
 * What "Test connection" found, in the user's language. Pure: the worker passes chrome.i18n's
 * translator and its number format. The detail after "Could not reach the backend:" is the
 * network's own error text and stays as it came.
 */
import type { Translate } from '../i18n/catalog';
import type { LocaleFormat } from '../i18n/locale-format';
import type { BackendOutcome } from '../backend/client';

export function connectionTestText(
  answer: BackendOutcome<{ queued?: number | undefined }>,
  t: Translate,
  fmt: Pick<LocaleFormat, 'number'>,
): string {
  switch (answer.kind) {
    case 'ok':
      return answer.data.queued === undefined
        ? t('connectedPlain')
        : t('connectedQueued', [fmt.number(answer.data.queued)]);
    case 'auth':
      return t('connectionRejected', [String(answer.status)]);
    case 'transient':
      return t('connectionUnreachable', [answer.error]);
    case 'bad':
      return t('connectionUnexpected', [answer.error]);
    case 'conflict':
      return t('connectionConflict');
  }
}
