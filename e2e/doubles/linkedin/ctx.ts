/** What the request handlers share: the world, the session, the armed failures and the bookkeeping. */
import type { Failures } from './failures';
import type { Session } from './strict';
import type { DoubleClock, DoubleState, FailureMatchInput, Fixture } from './types';

export interface Ctx {
  state: DoubleState;
  session: Session;
  fixture: Fixture;
  clock: DoubleClock;
  failures: Failures;
  /** Armed CSRF rotations (D2), each used once. */
  rotations: ((r: FailureMatchInput) => boolean)[];
  violations: string[];
  /** Per invitation id, the withdraw variants that answered "next variant" (D8). */
  nextVariantAnswered: Map<string, Set<string>>;
  slowMs: number;
  alive: () => boolean;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
