import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 20000,
    hookTimeout: 30000,
    // Ink (imported from node_modules by the UI tests) draws no live frames when CI is set, as it
    // is on the CI machine; the tests are about what a person at a terminal sees. The bundle
    // replaces that check (scripts/build.mjs), and an e2e test runs it with CI=true.
    env: {CI: 'false', CONTINUOUS_INTEGRATION: 'false'},
  },
});
