/** The SDUI action table, by sduiid (D3). An unknown sduiid → 400 (strict, like any unknown route). */
import { saveSdui, shareSdui, unreactSdui } from './feed';
import { connectSdui, followSdui, withdrawSdui } from './network';
import type { AnyAction } from './types';

export type { AnyAction, Prepared, SduiContext } from './types';
export { parseEnvelope } from './envelope';

export const SDUI_PATH = '/flagship-web/rsc-action/actions/server-request';

const ACTIONS = new Map<string, AnyAction>(
  [withdrawSdui, connectSdui, followSdui, unreactSdui, saveSdui, shareSdui].map((a) => [a.id, a]),
);

export function sduiAction(id: string | undefined): AnyAction | undefined {
  return id === undefined ? undefined : ACTIONS.get(id);
}
