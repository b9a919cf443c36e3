import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_KEYS } from './managed';
import { managedStorageSchema } from './managed-schema';

describe('storage.managed_schema', () => {
  const committed = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../public/managed_schema.json'), 'utf8'),
  );

  it('public/managed_schema.json is the generated schema (npx tsx scripts/write-managed-schema.ts)', () => {
    expect(committed).toEqual(managedStorageSchema());
  });

  it('declares exactly the keys the overlay reads', () => {
    expect(Object.keys(committed.properties).sort()).toEqual([...POLICY_KEYS].sort());
  });
});
