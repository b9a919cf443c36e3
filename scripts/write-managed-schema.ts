/** Writes public/managed_schema.json from src/settings/managed-schema.ts (run after changing buckets or ceilings). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { managedStorageSchema } from '../src/settings/managed-schema';

const file = path.resolve(import.meta.dirname, '../public/managed_schema.json');
writeFileSync(file, `${JSON.stringify(managedStorageSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
