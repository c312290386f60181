import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Eleventy loads .eleventy.js with Node's own loader; tsx lets it import the TypeScript in src/.
    execArgv: ['--import', 'tsx'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
