import { describe, expect, it } from 'vitest';
import {
  nextVariantOf,
  stillRemembered,
  tryVariants,
  variantOrder,
  type Remembered,
  type Variant,
  type VariantMemory,
} from './variants';

const DAY = 86_400_000;

function memory(initial?: Remembered): VariantMemory & { stored: Remembered | undefined } {
  const m = {
    stored: initial,
    get: async () => m.stored,
    remember: async (_family: string, name: string) => {
      m.stored = { name, at: 1_000 };
    },
  };
  return m;
}

const answering = (name: string, log: string[], value = name): Variant<string> => ({
  name,
  attempt: async () => {
    log.push(name);
    return { kind: 'answered', value };
  },
});
const notServed = (name: string, log: string[], status = 404): Variant<string> => ({
  name,
  attempt: async () => {
    log.push(name);
    return { kind: 'next', status, reason: `HTTP ${status}` };
  },
});

describe('variantOrder', () => {
  it('listed order without memory; the remembered one first while fresh; the preferred again after the window', () => {
    expect(variantOrder(['a', 'b', 'c'], undefined, 0, DAY)).toEqual(['a', 'b', 'c']);
    expect(variantOrder(['a', 'b', 'c'], { name: 'c', at: 0 }, DAY - 1, DAY)).toEqual(['c', 'a', 'b']);
    expect(variantOrder(['a', 'b', 'c'], { name: 'c', at: 0 }, DAY, DAY)).toEqual(['a', 'b', 'c']);
    expect(variantOrder(['a', 'b'], { name: 'gone', at: 0 }, 1, DAY)).toEqual(['a', 'b']);
  });
});

describe('tryVariants', () => {
  it('moves on only past "not served", and remembers who answered', async () => {
    const log: string[] = [];
    const mem = memory();
    const result = await tryVariants(
      'f',
      [notServed('a', log), notServed('b', log, 405), answering('c', log), answering('d', log)],
      mem,
      0,
      DAY,
    );
    expect(result).toEqual({ kind: 'answered', value: 'c', variant: 'c' });
    expect(log).toEqual(['a', 'b', 'c']);
    expect(mem.stored?.name).toBe('c');
  });
  it('starts with the remembered variant next time, and falls back through the rest if it stops answering', async () => {
    const log: string[] = [];
    const result = await tryVariants(
      'f',
      [answering('a', log), notServed('b', log)],
      memory({ name: 'b', at: 0 }),
      1,
      DAY,
    );
    expect(log).toEqual(['b', 'a']);
    expect(result).toMatchObject({ kind: 'answered', variant: 'a' });
  });
  it('writes nothing when the answering variant is already remembered, within its window; again after it', async () => {
    const writes: string[] = [];
    const mem: VariantMemory = {
      get: async () => ({ name: 'b', at: 0 }),
      remember: async (_f, name) => {
        writes.push(name);
      },
    };
    const variants = [notServed('a', []), answering('b', [])];
    await tryVariants('f', variants, mem, DAY - 1, DAY);
    expect(writes).toEqual([]);
    // Past the window the preferred one is tried again; the fallback answering is remembered afresh.
    await tryVariants('f', variants, mem, DAY, DAY);
    expect(writes).toEqual(['b']);
    expect(stillRemembered({ name: 'b', at: 0 }, 'a', 1, DAY)).toBe(false);
  });
  it('a variant marked neverFirst is never remembered as the start', async () => {
    const mem = memory();
    const last: Variant<string> = { ...answering('delete', []), neverFirst: true };
    await tryVariants('f', [notServed('a', []), last], mem, 0, DAY);
    expect(mem.stored).toBeUndefined();
  });
  it('reports every variant tried when none answers', async () => {
    const result = await tryVariants('f', [notServed('a', []), notServed('b', [], 410)], memory(), 0, DAY);
    expect(result).toEqual({
      kind: 'exhausted',
      tried: [
        { name: 'a', status: 404, reason: 'HTTP 404' },
        { name: 'b', status: 410, reason: 'HTTP 410' },
      ],
    });
  });
  it('nextVariantOf: next_variant and gone move on; business answers do not', () => {
    expect(nextVariantOf({ kind: 'next_variant', status: 400, reason: 'r' })).toEqual({
      kind: 'next',
      status: 400,
      reason: 'r',
    });
    expect(nextVariantOf({ kind: 'gone', status: 410 })).toMatchObject({ kind: 'next', status: 410 });
    expect(nextVariantOf({ kind: 'refused', status: 400, code: 'CANT_RESEND_YET', detail: '' })).toBeNull();
    expect(nextVariantOf({ kind: 'server_error', status: 500 })).toBeNull();
  });
});
