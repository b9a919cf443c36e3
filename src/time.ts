/**
 * The clock and the build-time time scale, in one place.
 *
 * Every duration the executor waits or counts (poll floor, spacing, jitter,
 * backoff, pauses, limit windows) goes through `scaled()`. Production builds
 * have a scale of 1; e2e/demo builds divide by e.g. 1000 so that a 24 h pause
 * lasts 86 s. The same code runs in tests and production.
 */
// Outside a vite build (node scripts importing pure modules) there is no define: scale 1.
export const TIME_SCALE: number = typeof __EXECUTOR_TIME_SCALE__ === 'number' ? __EXECUTOR_TIME_SCALE__ : 1;

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** A nominal duration (ms) as this build experiences it. */
export function scaled(ms: number): number {
  return ms / TIME_SCALE;
}

/**
 * A scaled wait with a floor in real time: at very large scales (tests) a
 * periodic timer must not spin the worker. At scale 1 the floor never bites.
 */
export function scaledWait(ms: number, floorMs: number): number {
  return Math.max(scaled(ms), floorMs);
}

/** The "until" of a pause that lasts until the user resumes (a valid Date, far away). */
export const UNTIL_RESUMED = 8.64e15;
export function isIndefinite(at: number): boolean {
  return at >= UNTIL_RESUMED / 2;
}

export type Clock = () => number;
export const systemClock: Clock = () => Date.now();

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
