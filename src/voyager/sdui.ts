/**
 * SDUI server actions (voyager-reference.md v2, "SDUI server actions";
 * the envelope is medium confidence, each action's payload is its own).
 *   POST /flagship-web/rsc-action/actions/server-request?sduiid=<id>
 * Minimal headers (headers.ts), a JSON envelope that repeats the arguments
 * at the top level, and an RSC text answer that is usually 200 even when
 * LinkedIn refused: success has no known marker, so a 2xx is "probably
 * applied" and callers read back where they can. Pure.
 */

export const SDUI_PATH = '/flagship-web/rsc-action/actions/server-request';

export interface SduiAction {
  /** The reverse-domain action id, e.g. com.linkedin.sdui.reactions.delete. */
  id: string;
  /** The screen the web UI sends it from. */
  screenId: string;
  payload: Record<string, unknown>;
  requestedStateKeys?: unknown[];
  /** Extra requestMetadata fields (e.g. currentActor) beside its $type. */
  requestMetadata?: Record<string, unknown>;
  /**
   * Extra serverRequest fields of a captured envelope that LinkedIn needs for
   * this action (e.g. onClientRequestFailureAction for reactions.delete,
   * whose partial bodies got 500 in MG's tests).
   */
  serverRequestExtras?: Record<string, unknown>;
  /** Top-level fields a capture carries beside the envelope (e.g. `states: []`). */
  topLevelExtras?: Record<string, unknown>;
  /** Text in a 200 answer that means LinkedIn refused. */
  failureText?: RegExp;
}

export function sduiPath(id: string): string {
  return `${SDUI_PATH}?sduiid=${encodeURIComponent(id)}`;
}

export function sduiEnvelope(action: SduiAction): Record<string, unknown> {
  const requestedArguments = {
    $type: 'proto.sdui.actions.requests.RequestedArguments',
    payload: action.payload,
    requestedStateKeys: action.requestedStateKeys ?? [],
    requestMetadata: { $type: 'proto.sdui.common.RequestMetadata', ...action.requestMetadata },
  };
  return {
    requestId: action.id,
    serverRequest: { requestId: action.id, requestedArguments, ...action.serverRequestExtras },
    ...action.topLevelExtras,
    requestedArguments: { ...requestedArguments, states: [], screenId: action.screenId },
  };
}
