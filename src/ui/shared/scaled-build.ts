/**
 * A build whose clock is scaled (EXECUTOR_TIME_SCALE ≠ 1: the e2e, demo and
 * bench builds) waits a fraction of every spacing and pause. It must never
 * pass for a real one: the popup and the options page say so at the top.
 */
import { TIME_SCALE } from '../../time';

/** The sentence shown for a build of this scale, or null for a real (scale 1) build. */
export function scaledBuildNotice(scale: number): string | null {
  if (scale === 1) return null;
  return `Test build: time runs ${scale}× faster (EXECUTOR_TIME_SCALE=${scale}). Spacing, limits and pauses are not the real ones; do not use it with a real account.`;
}

/** Fills and shows the page's notice element when this build is scaled. */
export function showScaledBuildNotice(element: HTMLElement | null): void {
  const text = scaledBuildNotice(TIME_SCALE);
  if (!element || text === null) return;
  element.textContent = text;
  element.hidden = false;
}
