/**
 * What every group of page-message handlers shares: their type (one per
 * request type, typed from shared/messages.ts), what they are given, and the
 * error that names the form field at fault and what is wrong with it.
 */
import type { Reply, ReplyData, Request } from '../shared/messages';
import type { Problem } from '../shared/problem';
import type { Transport } from '../voyager/transport';

/** The handlers of some request types: the router joins the groups, and the type checker sees every type served. */
export type Handlers<T extends Request['type'] = Request['type']> = {
  [K in T]: (req: Extract<Request, { type: K }>) => Promise<Reply<ReplyData<K>>>;
};

/** A request refused for what a form field holds: the page words the problems next to that field. */
export class FieldError extends Error {
  readonly problems: Problem[];
  constructor(
    readonly field: string,
    ...problems: [Problem, ...Problem[]]
  ) {
    super(problems.map((p) => p.key).join(' '));
    this.problems = problems;
  }
}

export interface RouterDeps {
  now: () => number;
  pumpNow: () => void;
  /** The linkedin.com tab transport the executor uses: Check LinkedIn and "Check again" read through it. */
  transport: Transport;
}
