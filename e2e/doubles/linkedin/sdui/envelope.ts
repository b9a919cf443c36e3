/**
 * The SDUI server-request envelope (v2 "SDUI headers", D3 low): the
 * requested arguments appear twice, under serverRequest and at the top
 * level (+ states and screenId). A missing part or a mismatched requestId is
 * thrown as a 400 here; dispatch answers it as LinkedIn does, 500 text.
 */
import { badRequest } from '../http';
import { emptyArray, exactObject, isRecord, literal } from '../shape';
import type { AnyAction } from './types';

const RA_TYPE = 'proto.sdui.actions.requests.RequestedArguments';
const META_TYPE = 'proto.sdui.common.RequestMetadata';
const RA_KEYS = ['$type', 'payload', 'requestedStateKeys', 'requestMetadata'];

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function requestedArguments(
  v: unknown,
  at: string,
  action: AnyAction,
  extra: readonly string[],
): Record<string, unknown> {
  const ra = exactObject(v, at, [...RA_KEYS, ...extra]);
  literal(ra.$type, `${at}.$type`, RA_TYPE);
  if (!same(ra.requestedStateKeys, action.stateKeys))
    throw badRequest(`${at}.requestedStateKeys must be ${JSON.stringify(action.stateKeys)}`);
  const meta = exactObject(
    ra.requestMetadata,
    `${at}.requestMetadata`,
    action.capturedEnvelope ? ['$type', 'currentActor'] : ['$type'],
  );
  literal(meta.$type, `${at}.requestMetadata.$type`, META_TYPE);
  return ra;
}

/** Returns the payload and requestMetadata after checking every envelope part. */
export function parseEnvelope(
  body: unknown,
  action: AnyAction,
): { payload: unknown; metadata: Record<string, unknown> } {
  const root = exactObject(
    body,
    'body',
    ['requestId', 'serverRequest', 'requestedArguments'],
    action.capturedEnvelope ? ['states'] : [],
  );
  literal(root.requestId, 'body.requestId', action.id);
  if (root.states !== undefined) emptyArray(root.states, 'body.states');
  const captured = ['onClientRequestFailureAction', 'isApfcEnabled', 'isStreaming', 'rumPageKey'];
  const server = exactObject(root.serverRequest, 'body.serverRequest', [
    'requestId',
    'requestedArguments',
    ...(action.capturedEnvelope ? captured : []),
  ]);
  literal(server.requestId, 'body.serverRequest.requestId', action.id);
  if (action.capturedEnvelope) {
    const failure = exactObject(
      server.onClientRequestFailureAction,
      'body.serverRequest.onClientRequestFailureAction',
      ['actions'],
    );
    if (!Array.isArray(failure.actions))
      throw badRequest('body.serverRequest.onClientRequestFailureAction.actions must be an array');
    literal(server.isApfcEnabled, 'body.serverRequest.isApfcEnabled', false);
    literal(server.isStreaming, 'body.serverRequest.isStreaming', false);
    literal(server.rumPageKey, 'body.serverRequest.rumPageKey', '');
  }
  const inner = requestedArguments(server.requestedArguments, 'body.serverRequest.requestedArguments', action, []);
  const outer = requestedArguments(root.requestedArguments, 'body.requestedArguments', action, ['states', 'screenId']);
  emptyArray(outer.states, 'body.requestedArguments.states');
  literal(outer.screenId, 'body.requestedArguments.screenId', action.screen);
  for (const key of RA_KEYS) {
    if (!same(inner[key], outer[key]))
      throw badRequest(`body.requestedArguments.${key} differs from body.serverRequest.requestedArguments.${key}`);
  }
  const metadata = inner.requestMetadata;
  return { payload: inner.payload, metadata: isRecord(metadata) ? metadata : {} };
}
