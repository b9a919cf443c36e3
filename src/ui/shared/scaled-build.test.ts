import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import { translator } from '../../i18n/catalog';
import { scaledBuildNotice } from './scaled-build';

const t = translator(en);

describe('scaledBuildNotice', () => {
  it('is silent for a real build', () => {
    expect(scaledBuildNotice(1, t)).toBeNull();
  });

  it.each([100, 5000])('names the scale of a scaled build (%i)', (scale) => {
    expect(scaledBuildNotice(scale, t)).toMatch(
      new RegExp(`^Test build: time runs ${scale}× faster \\(EXECUTOR_TIME_SCALE=${scale}\\)`),
    );
  });
});
