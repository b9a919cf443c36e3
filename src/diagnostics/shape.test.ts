import { describe, expect, it } from 'vitest';
import { describeShape } from './shape';

describe('answer shapes without values', () => {
  it('lists key paths and types, never values; identifier keys are masked', () => {
    const lines = describeShape({
      data: { '*elements': ['urn:li:fsd_profile:SECRET'], name: 'Ada Lovelace', 'urn:li:member:123': { x: 1 } },
      included: [],
    });
    expect(lines).toEqual([
      '(root): object',
      'data: object',
      'data.*elements: array(1)',
      'data.*elements[0]: string',
      'data.name: string',
      'data.<urn>: object',
      'data.<urn>.x: number',
      'included: array(0)',
    ]);
    expect(lines.join('\n')).not.toMatch(/SECRET|Ada|123/);
  });
});
