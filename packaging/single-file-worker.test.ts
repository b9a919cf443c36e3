import { describe, expect, it } from 'vitest';
import { loaderTarget } from './single-file-worker';

describe('loaderTarget', () => {
  it("finds the one chunk @crxjs's service-worker loader imports", () => {
    expect(loaderTarget("import './assets/index.ts-CQ-DDG5k.js';")).toBe('assets/index.ts-CQ-DDG5k.js');
    expect(loaderTarget('import "./assets/a.js"\n')).toBe('assets/a.js');
  });
  it('refuses anything else: more imports, or code of its own', () => {
    expect(loaderTarget("import './a.js';import './b.js';")).toBeNull();
    expect(loaderTarget("import './a.js';console.log(1);")).toBeNull();
    expect(loaderTarget('')).toBeNull();
  });
});
