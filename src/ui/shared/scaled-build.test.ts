import { describe, expect, it } from 'vitest';
import { scaledBuildNotice } from './scaled-build';

describe('scaledBuildNotice', () => {
  it('is silent for a real build', () => {
    expect(scaledBuildNotice(1)).toBeNull();
  });

  it.each([100, 5000])('names the scale of a scaled build (%i)', (scale) => {
    expect(scaledBuildNotice(scale)).toMatch(
      new RegExp(`^Test build: time runs ${scale}× faster \\(EXECUTOR_TIME_SCALE=${scale}\\)`),
    );
  });
});
