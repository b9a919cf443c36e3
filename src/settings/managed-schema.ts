/**
 * The manifest's `storage.managed_schema`: what Chromium accepts as policy for this extension
 * (it drops values that do not fit before the extension sees them). Generated from the same
 * buckets and ceilings the extension enforces; public/managed_schema.json is this, written out
 * (a unit test keeps the two equal).
 */
import { BUCKETS } from '../../contract/protocol';
import { CEILINGS } from '../safety/limits';

type JsonSchema = { [key: string]: string | number | boolean | JsonSchema | JsonSchema[] };

export function managedStorageSchema(): JsonSchema {
  const buckets: JsonSchema = {};
  for (const bucket of BUCKETS) {
    const windows: JsonSchema = {};
    for (const window of ['day', 'week'] as const) {
      const ceiling = CEILINGS[bucket][window];
      if (ceiling !== undefined)
        windows[window] = {
          type: 'integer',
          minimum: 0,
          maximum: ceiling,
          description: `At most this many ${bucket} per rolling ${window} (the hard ceiling is ${ceiling}; users may go lower).`,
        };
    }
    buckets[bucket] = { type: 'object', properties: windows };
  }
  return {
    type: 'object',
    properties: {
      backendUrl: {
        type: 'string',
        description: 'The backend origin, e.g. https://backend.example.com. Users cannot change it.',
      },
      executorToken: {
        type: 'string',
        description: 'The executor token the backend issued. Users cannot see or change it.',
      },
      limits: {
        type: 'object',
        description: "Lower caps per bucket; a cap above the extension's hard ceiling is the ceiling.",
        properties: buckets,
      },
      forceApprovalMode: {
        type: 'boolean',
        description: 'true: every write waits for the user approval, and users cannot turn approval mode off.',
      },
      allowBackgroundTab: {
        type: 'boolean',
        description:
          'Whether a LinkedIn tab may be opened in the background when none is open. Users cannot change it.',
      },
    },
  };
}
