/**
 * Verify chain's verdict in the user's language. The verdict names why the chain breaks by a
 * code (store/audit-chain.ts ChainBreak); the code is worded here, at display time. Pure.
 */
import type { MessageKey, Translate } from '../../i18n/catalog';
import type { LocaleFormat } from '../../i18n/locale-format';
import type { ChainBreak } from '../../store/audit-chain';
import type { LogVerdict } from '../../store/audit-verify';

const BREAK_KEYS: Record<ChainBreak, MessageKey> = {
  link_broken: 'chainBreakLink',
  content_altered: 'chainBreakContent',
};

const isChainBreak = (reason: string): reason is ChainBreak => Object.hasOwn(BREAK_KEYS, reason);

/** Why the chain breaks; a code this version does not know is shown as it came (visible, never empty). */
export function chainBreakText(reason: string | null, t: Translate): string {
  if (reason === null) return '';
  return isChainBreak(reason) ? t(BREAK_KEYS[reason]) : reason;
}

/** "Chain intact: 1,200 entries verified." or "Chain broken at entry #7: …". */
export function chainVerdictText(v: LogVerdict, t: Translate, fmt: Pick<LocaleFormat, 'number'>): string {
  return v.ok
    ? t('chainIntact', [fmt.number(v.checked)])
    : t('chainBroken', [String(v.brokenAt), chainBreakText(v.reason, t)]);
}
