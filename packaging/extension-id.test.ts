import { describe, expect, it } from 'vitest';
import { DEV_PUBLIC_KEY } from './dev-key';
import { extensionIdFromKey } from './extension-id';

describe('extensionIdFromKey', () => {
  it('gives the id Chromium gives the development key (computed apart with openssl sha256 | tr 0-9a-f a-p)', () => {
    expect(extensionIdFromKey(DEV_PUBLIC_KEY)).toBe('idgjhcfbfjeolipghcpmbendgicmahph');
  });

  it('maps every hex digit to a–p: 32 letters', () => {
    expect(extensionIdFromKey(Buffer.from('any bytes').toString('base64'))).toMatch(/^[a-p]{32}$/);
  });

  it('refuses a key that is not base64', () => {
    expect(() => extensionIdFromKey('not base64!')).toThrow(/not base64 DER/);
    expect(() => extensionIdFromKey('')).toThrow(/not base64 DER/);
  });
});
