import type { Reply } from '../http';
import type { RouteContext } from '../routes/types';

/** The apply step gets the route context without Voyager's params/query/body. */
export type SduiContext = Omit<RouteContext, 'params' | 'query' | 'rawQuery' | 'body'>;

export interface SduiAction<P> {
  /** The sduiid (and requestId). */
  id: string;
  /** Recorded as RecordedRequest.endpoint. */
  endpoint: string;
  screen: string;
  /** requestedStateKeys, exactly (D3). */
  stateKeys: readonly unknown[];
  /** D3 unreact: MG's full captured envelope (currentActor, onClientRequestFailureAction, isApfcEnabled, …). */
  capturedEnvelope?: boolean;
  /** Checks the payload (and requestMetadata); throws a 400 HttpError that dispatch turns into the SDUI 500. */
  parse(payload: unknown, metadata: Record<string, unknown>): P;
  /** The invitation id (withdraw bookkeeping, D8). */
  subject?(p: P): string;
  apply(ctx: SduiContext, p: P): Reply;
}

/** A parsed request, ready to apply. */
export interface Prepared {
  subject?: string;
  apply(ctx: SduiContext): Reply;
}

export interface AnyAction {
  id: string;
  endpoint: string;
  screen: string;
  stateKeys: readonly unknown[];
  capturedEnvelope: boolean;
  prepare(payload: unknown, metadata: Record<string, unknown>): Prepared;
}

export function defineAction<P>(a: SduiAction<P>): AnyAction {
  return {
    id: a.id,
    endpoint: a.endpoint,
    screen: a.screen,
    stateKeys: a.stateKeys,
    capturedEnvelope: a.capturedEnvelope ?? false,
    prepare(payload, metadata) {
      const p = a.parse(payload, metadata);
      const subject = a.subject?.(p);
      return { ...(subject !== undefined ? { subject } : {}), apply: (ctx) => a.apply(ctx, p) };
    },
  };
}
