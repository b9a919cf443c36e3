/**
 * A build whose clock is scaled (EXECUTOR_TIME_SCALE ≠ 1: the e2e, demo and
 * bench builds) waits a fraction of every spacing and pause. It must never
 * pass for a real one: the popup and the options page say so at the top.
 */
import type { Translate } from '../../i18n/catalog';
import { TIME_SCALE } from '../../time';
import { t as chromeT } from './i18n';

/** The sentence shown for a build of this scale, or null for a real (scale 1) build. */
export function scaledBuildNotice(scale: number, t: Translate): string | null {
  if (scale === 1) return null;
  return t('scaledBuild', [String(scale)]);
}

/** Fills and shows the page's notice element when this build is scaled. */
export function showScaledBuildNotice(element: HTMLElement | null): void {
  const text = scaledBuildNotice(TIME_SCALE, chromeT);
  if (!element || text === null) return;
  element.textContent = text;
  element.hidden = false;
}
