import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __EXECUTOR_TIME_SCALE__: '1' },
  test: {
    include: [
      'contract/**/*.test.ts',
      'server/**/*.test.ts',
      'src/**/*.test.ts',
      'scripts/**/*.test.ts',
      'packaging/**/*.test.ts',
      'e2e/doubles/**/*.test.ts',
    ],
    environment: 'node',
  },
});
