import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    restoreMocks: true,
    // Corpus suites build the matcher and score hundreds of snippets in their first test; on a
    // busy 2-core machine that can pass the 5 s default.
    testTimeout: 20_000,
  },
});
