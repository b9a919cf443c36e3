/**
 * Working hours: optional, per weekday, in a time zone (the browser's own by
 * default). A window whose end is before its start runs across midnight
 * (e.g. 22:00–02:00 belongs to the day it starts on). Pure.
 */
import { z } from '../../contract/zod';
import type { ProblemKey } from '../shared/problem';

// Issue messages are problem keys (shared/problem.ts): settings/schema.ts reports them, the page words them.
const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'problemWhBadTime' satisfies ProblemKey));

/** An IANA zone this browser knows; an unknown one would make every throttle decision throw. */
function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const workingHoursSchema = z
  .object({
    /** 0 = Sunday … 6 = Saturday. */
    days: z.array(z.int().check(z.gte(0), z.lte(6))).check(z.minLength(1, 'problemWhNoDays' satisfies ProblemKey)),
    start: hhmm,
    end: hhmm,
    /** IANA zone; absent = this computer's zone at the time of each decision. */
    timeZone: z.optional(z.string().check(z.refine(isKnownTimeZone, 'problemWhUnknownZone' satisfies ProblemKey))),
  })
  .check(z.refine((w) => w.start !== w.end, { message: 'problemWhSameTimes' satisfies ProblemKey, path: ['end'] }));
export type WorkingHours = z.infer<typeof workingHoursSchema>;

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(at: number, timeZone: string | undefined): { day: number; minutes: number } {
  const key = timeZone ?? '';
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return { day: WEEKDAYS[parts.weekday ?? 'Sun'] ?? 0, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const toMinutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

export function isWithinWorkingHours(at: number, w: WorkingHours): boolean {
  const { day, minutes } = localParts(at, w.timeZone);
  const start = toMinutes(w.start);
  const end = toMinutes(w.end);
  if (start < end) return w.days.includes(day) && minutes >= start && minutes < end;
  // Across midnight: the evening part belongs to today, the early part to yesterday.
  if (minutes >= start) return w.days.includes(day);
  if (minutes < end) return w.days.includes((day + 6) % 7);
  return false;
}

const MINUTE = 60_000;

/** The next moment (minute precision) working hours begin; `at` itself when inside. */
export function nextWorkingTime(at: number, w: WorkingHours): number {
  if (isWithinWorkingHours(at, w)) return at;
  // Coarse steps of 15 minutes, then back to the exact minute. DST-safe: each step asks the zone.
  let t = Math.ceil(at / MINUTE) * MINUTE;
  const limit = t + 8 * 24 * 60 * MINUTE;
  while (t < limit && !isWithinWorkingHours(t, w)) t += 15 * MINUTE;
  if (t >= limit) return Number.POSITIVE_INFINITY;
  while (t - MINUTE > at && isWithinWorkingHours(t - MINUTE, w)) t -= MINUTE;
  return t;
}

/** When the current working window ends (for the popup); null when outside. */
export function workingWindowEnd(at: number, w: WorkingHours): number | null {
  if (!isWithinWorkingHours(at, w)) return null;
  let t = Math.floor(at / MINUTE) * MINUTE;
  const limit = t + 8 * 24 * 60 * MINUTE;
  while (t < limit && isWithinWorkingHours(t, w)) t += 15 * MINUTE;
  while (t - MINUTE > at && !isWithinWorkingHours(t - MINUTE, w)) t -= MINUTE;
  return t;
}
