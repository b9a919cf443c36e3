/**
 * What one attempt at a job works with: its action's definition and
 * validated params, a fresh Voyager client, and the context the action runs
 * in (cache, remembered variants, viewer, clock, the write gate).
 */
import { z } from '../../contract/zod';
import { ACTIONS } from '../actions/registry';
import type { ActionContext } from '../actions/types';
import type { VariantMemory } from '../actions/variants';
import { cacheDelete, cacheGet, cachePut } from '../store/cache';
import type { JobRecord } from '../store/db';
import { createLinkedInClient } from '../voyager/client';
import { DAY, scaled } from '../time';
import type { JobEnvironment } from './job-environment';

export const LINKEDIN_TIMEOUT_MS = 20_000;

function cacheFor(now: () => number): ActionContext['cache'] {
  return {
    get: (key, parse) => cacheGet(key, now(), parse),
    put: (key, value, ttlMs) => cachePut(key, value, now() + scaled(ttlMs)),
    delete: (key) => cacheDelete(key),
  };
}

const rememberedSchema = z.object({ name: z.string(), at: z.number() });

/** Which variant of each endpoint family answered, per install (kept a year; the order logic decides when to retry the preferred one). */
function variantMemoryFor(cache: ActionContext['cache'], now: () => number): VariantMemory {
  return {
    get: (family) => cache.get(`variant:${family}`, (v) => rememberedSchema.safeParse(v).data),
    remember: (family, name) => cache.put(`variant:${family}`, { name, at: now() }, 365 * DAY),
  };
}

export function contextFor(
  env: JobEnvironment,
  linkedin: ActionContext['linkedin'],
  mutate: ActionContext['mutate'],
): ActionContext {
  const cache = cacheFor(env.now);
  return { linkedin, cache, variants: variantMemoryFor(cache, env.now), viewer: env.viewer, now: env.now, mutate };
}

/** The action's definition, its validated params, and a fresh Voyager client for this attempt. */
export function prepareAttempt(job: JobRecord, env: JobEnvironment) {
  const definition = ACTIONS.get(job.action.type);
  return {
    startedAt: env.now(),
    definition,
    prepared: definition?.prepare(job.action.params),
    linkedin: createLinkedInClient({ transport: env.transport, liLang: env.liLang, timeoutMs: LINKEDIN_TIMEOUT_MS }),
  };
}
