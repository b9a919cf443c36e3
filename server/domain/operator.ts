/** What an operator does (the CLI, or the admin route it calls on a running PGlite server). */
import type { Db } from '../storage/db';
import {
  ensureWorkspace,
  findWorkspaceByName,
  insertApiKey,
  insertExecutor,
  setWorkspaceWebhook,
} from '../storage/workspaces';
import { hashToken, newId, newToken } from './secrets';

export const OPERATIONS = ['keys.create', 'executors.create', 'webhooks.url', 'webhooks.secret'] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface OperatorInput {
  workspace: string;
  name?: string | undefined;
  url?: string | null | undefined;
}

/** Runs one operation; the answer's `secret` (a key, token or webhook secret) is shown once and never stored in clear, except the webhook secret, which signs. */
export async function operate(
  db: Db,
  serverSecret: string,
  op: Operation,
  input: OperatorInput,
  now = new Date(),
): Promise<{ workspace: string; id?: string; secret?: string; note: string }> {
  const name = input.workspace.trim();
  if (!/^[\w.-]{1,100}$/.test(name)) throw new Error('workspace names are 1..100 letters, digits, ".", "-" or "_"');
  return db.tx(async (q) => {
    const existed = (await findWorkspaceByName(q, name)) !== undefined;
    const ws = await ensureWorkspace(q, { id: newId('ws'), name, webhookSecret: newToken('webhook'), now });
    const created = existed ? '' : ` (workspace ${name} created)`;
    switch (op) {
      case 'keys.create': {
        const secret = newToken('key');
        const id = newId('key');
        await insertApiKey(q, { id, workspaceId: ws.id, hash: hashToken(serverSecret, secret), now });
        return { workspace: ws.id, id, secret, note: `API key ${id} for workspace ${name}${created}` };
      }
      case 'executors.create': {
        const secret = newToken('executor');
        const id = newId('exe');
        await insertExecutor(q, {
          id,
          workspaceId: ws.id,
          name: input.name ?? id,
          hash: hashToken(serverSecret, secret),
          now,
        });
        return {
          workspace: ws.id,
          id,
          secret,
          note: `executor ${id} for workspace ${name}${created}; give the extension this server's URL and this token`,
        };
      }
      case 'webhooks.url': {
        const url = input.url ?? null;
        if (url !== null && !URL.canParse(url)) throw new Error('the callback URL is not a URL');
        await setWorkspaceWebhook(q, ws.id, { callbackUrl: url });
        return {
          workspace: ws.id,
          note:
            url === null
              ? `workspace ${name}: no default callback URL${created}`
              : `workspace ${name}: final actions are POSTed to ${url}${created}`,
        };
      }
      case 'webhooks.secret': {
        const secret = newToken('webhook');
        await setWorkspaceWebhook(q, ws.id, { secret });
        return {
          workspace: ws.id,
          secret,
          note: `workspace ${name}: new webhook signing secret (X-Outbound-Signature = sha256=HMAC-SHA256(secret, raw body))${created}`,
        };
      }
    }
  });
}
