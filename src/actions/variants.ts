/**
 * Ordered variants of one LinkedIn action (voyager-reference.md v2, "Next
 * variant"): try them in order, move on only when a variant answers that it
 * is not served (404, 405, 410, a 400 without a business code, a stale
 * GraphQL hash); any other answer is the action's answer. The variant that
 * answered is remembered per install and tried first next time; a few days
 * after a fallback was first remembered, the preferred (first) variant gets
 * its chance again, so the executor follows LinkedIn back when a primary
 * route returns. Remembering the variant memory already holds, within its
 * window, writes nothing: one IndexedDB write fewer per action, and use does
 * not push the window back.
 */
import { DAY, scaled } from '../time';
import type { Verdict } from '../voyager/classify';
import type { ActionContext, Outcome } from './types';

/** How long a fallback stays first before the preferred variant is tried again. */
export const RETRY_PREFERRED_MS = 3 * DAY;

export interface Remembered {
  name: string;
  /** When that variant was remembered (epoch ms): its first answer since another one was. */
  at: number;
}

/** The order to try variants in: the remembered one first while it is fresh, then the rest as listed. Pure. */
export function variantOrder(
  names: readonly string[],
  remembered: Remembered | undefined,
  now: number,
  retryPreferredMs: number,
): string[] {
  if (!remembered || !names.includes(remembered.name) || now - remembered.at >= retryPreferredMs) return [...names];
  return [remembered.name, ...names.filter((n) => n !== remembered.name)];
}

/** The variant is already what memory says, within its window: remembering it again would change nothing. Pure. */
export function stillRemembered(
  remembered: Remembered | undefined,
  name: string,
  now: number,
  retryPreferredMs: number,
): boolean {
  return remembered?.name === name && now - remembered.at < retryPreferredMs;
}

export type Attempt<T> = { kind: 'answered'; value: T } | { kind: 'next'; status: number; reason: string };

/** A verdict that says "this variant is not served": move on. Everything else is an answer. */
export function nextVariantOf(verdict: Verdict): Extract<Attempt<never>, { kind: 'next' }> | null {
  if (verdict.kind === 'next_variant') return { kind: 'next', status: verdict.status, reason: verdict.reason };
  if (verdict.kind === 'gone') return { kind: 'next', status: 410, reason: 'HTTP 410 (endpoint retired)' };
  return null;
}

export interface Variant<T> {
  name: string;
  attempt(): Promise<Attempt<T>>;
  /** Never remembered as the one to start with (v2: never start a withdraw with the DELETE). */
  neverFirst?: boolean;
}

export const answered = <T>(value: T): Attempt<T> => ({ kind: 'answered', value });
/** A variant that settled the action without a LinkedIn answer to read (e.g. its lookup failed). */
export interface Settled {
  kind: 'settled';
  outcome: Outcome;
}
export const settled = (outcome: Outcome): Attempt<Settled> => answered({ kind: 'settled', outcome });

export const notApplicable = (reason: string): Attempt<never> => ({
  kind: 'next',
  status: 0,
  reason: `not applicable: ${reason}`,
});

/** The usual variant body: one call; "not served" answers move on, anything else is the answer. */
export async function callAttempt(
  send: () => Promise<Verdict>,
  opts: { notFoundIsAnswer?: boolean } = {},
): Promise<Attempt<Verdict>> {
  const verdict = await send();
  if (opts.notFoundIsAnswer && verdict.kind === 'next_variant' && verdict.status === 404) return answered(verdict);
  return nextVariantOf(verdict) ?? answered(verdict);
}

export interface Exhausted {
  kind: 'exhausted';
  /** Each variant tried, in order, with why it was passed over. */
  tried: { name: string; status: number; reason: string }[];
}

export interface VariantMemory {
  get(family: string): Promise<Remembered | undefined>;
  remember(family: string, name: string): Promise<void>;
}

export async function tryVariants<T>(
  family: string,
  variants: readonly Variant<T>[],
  memory: VariantMemory,
  now: number,
  retryPreferredMs: number,
): Promise<{ kind: 'answered'; value: T; variant: string } | Exhausted> {
  const byName = new Map(variants.map((v) => [v.name, v]));
  const remembered = await memory.get(family);
  const order = variantOrder([...byName.keys()], remembered, now, retryPreferredMs);
  const tried: Exhausted['tried'] = [];
  for (const name of order) {
    const variant = byName.get(name);
    if (!variant) continue;
    const attempt = await variant.attempt();
    if (attempt.kind === 'answered') {
      if (!variant.neverFirst && !stillRemembered(remembered, name, now, retryPreferredMs))
        await memory.remember(family, name);
      return { kind: 'answered', value: attempt.value, variant: name };
    }
    tried.push({ name, status: attempt.status, reason: attempt.reason });
  }
  return { kind: 'exhausted', tried };
}

/** tryVariants with the context's memory and clock (the retry window follows the build's time scale). */
export function runVariants<T>(
  ctx: Pick<ActionContext, 'variants' | 'now'>,
  family: string,
  variants: readonly Variant<T>[],
) {
  return tryVariants(family, variants, ctx.variants, ctx.now(), scaled(RETRY_PREFERRED_MS));
}
