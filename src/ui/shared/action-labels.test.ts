import { describe, expect, it } from 'vitest';
import { ACTION_TYPES } from '../../../contract/protocol';
import { translator } from '../../i18n/catalog';
import de from '../../../public/_locales/de/messages.json';
import en from '../../../public/_locales/en/messages.json';
import { actionTypeOptions } from './action-labels';

describe('the audit filter’s action types', () => {
  it('offers every type, worded in the user’s language, with the identifier the log shows as its value', () => {
    const german = actionTypeOptions(translator(de));
    expect(german.map((o) => o.value)).toEqual([...ACTION_TYPES]);
    expect(german.find((o) => o.value === 'follow_member')?.label).toBe('Mitglied folgen (follow_member)');
    expect(actionTypeOptions(translator(en)).find((o) => o.value === 'unreact')?.label).toBe(
      'Remove reaction (unreact)',
    );
  });
});
