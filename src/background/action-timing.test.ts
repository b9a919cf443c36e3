import { afterEach, describe, expect, it } from 'vitest';
import type { Transport, WireRequest } from '../voyager/transport';
import { ACTION_MEASURE_PREFIX, timeAction, type ActionTimingDetail } from './action-timing';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const request = { method: 'GET', url: '/voyager/api/me' } as unknown as WireRequest;

function slowTransport(ms: number): Transport {
  return {
    async send() {
      await sleep(ms);
      return { status: 200, body: '{}', headers: {} } as unknown as Awaited<ReturnType<Transport['send']>>;
    },
  };
}

function measures(): PerformanceMeasure[] {
  return performance
    .getEntriesByType('measure')
    .filter((e): e is PerformanceMeasure => e.name.startsWith(ACTION_MEASURE_PREFIX));
}

afterEach(() => performance.clearMeasures());

describe('timeAction', () => {
  it('records the job time without the time spent in the transport', async () => {
    await timeAction('follow_member', slowTransport(40), async (t) => {
      await t.send(request);
      await t.send(request);
    });
    const [m] = measures();
    const detail = m?.detail as ActionTimingDetail;
    expect(m?.name).toBe('executor:action:follow_member');
    expect(detail.networkMs).toBeGreaterThanOrEqual(75);
    expect(detail.totalMs).toBeGreaterThanOrEqual(detail.networkMs);
    expect(m?.duration).toBeCloseTo(detail.totalMs - detail.networkMs, 5);
  });

  it('still records a job that throws, and passes the error on', async () => {
    await expect(
      timeAction('save', slowTransport(1), async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(measures().map((m) => m.name)).toEqual(['executor:action:save']);
  });

  it('counts work outside the transport', async () => {
    await timeAction('react', slowTransport(1), async () => {
      await sleep(30);
    });
    expect(measures()[0]?.duration).toBeGreaterThanOrEqual(25);
  });
});
