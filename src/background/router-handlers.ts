/**
 * What every group of page-message handlers shares: their type (one per
 * request type, typed from shared/messages.ts), what they are given, and the
 * error that names the form field at fault.
 */
import type { Reply, ReplyData, Request } from '../shared/messages';
import type { Transport } from '../voyager/transport';

/** The handlers of some request types: the router joins the groups, and the type checker sees every type served. */
export type Handlers<T extends Request['type'] = Request['type']> = {
  [K in T]: (req: Extract<Request, { type: K }>) => Promise<Reply<ReplyData<K>>>;
};

export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RouterDeps {
  now: () => number;
  pumpNow: () => void;
  /** The linkedin.com tab transport the executor uses: Check LinkedIn and "Check again" read through it. */
  transport: Transport;
}
