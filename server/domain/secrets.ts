/**
 * Keys, executor tokens and webhook secrets: 32 random bytes, shown once.
 * Only a keyed SHA-256 (HMAC with the server secret) is stored: the tokens
 * are random, so a slow hash buys nothing, and a stolen table alone cannot
 * be checked against guesses without the server secret.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

export type TokenKind = 'key' | 'executor' | 'webhook';
const PREFIX: Record<TokenKind, string> = { key: 'obk_', executor: 'obx_', webhook: 'whsec_' };

/** A new secret; base64url so it is also a valid WebSocket subprotocol token (`bearer.<token>`). */
export function newToken(kind: TokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

export function hashToken(serverSecret: string, token: string): string {
  return createHmac('sha256', serverSecret).update(token).digest('hex');
}

/** Prefixed ids, readable in logs (`act_…`, `ws_…`). */
export function newId(prefix: 'act' | 'ws' | 'key' | 'exe'): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}

/** `sha256=<hex>`: the X-Outbound-Signature of a webhook body. */
export function signBody(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}
