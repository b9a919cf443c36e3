/** Random identifiers shaped like LinkedIn's. */
import { randomBytes, randomInt } from 'node:crypto';

/** `n` random base64url characters. */
export function randomBase64Url(n: number): string {
  return randomBytes(Math.ceil((n * 3) / 4) + 3)
    .toString('base64url')
    .slice(0, n);
}

/** `n` random digits, the first one non-zero. */
export function randomDigits(n: number): string {
  let out = String(randomInt(1, 10));
  while (out.length < n) out += String(randomInt(0, 10));
  return out;
}

/** A profile tail: 'ACoAA' + 30 base64url characters. */
export const newTail = (): string => 'ACoAA' + randomBase64Url(30);
export const newMemberId = (): string => randomDigits(9);
/** Invitation, comment, share and post ids: 19 digits, as LinkedIn's. */
export const newEntityId = (): string => randomDigits(19);
/** Messaging thread / message ids: '2-' + base64url. */
export const newMessagingId = (): string => '2-' + randomBase64Url(40);
export const newSharedSecret = (): string => randomBase64Url(8);
export { randomInt };
