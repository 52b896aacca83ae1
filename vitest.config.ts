import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// A real browser on a busy 2-core machine: what a page shows may take seconds, not one; one file at a time.
const inABrowser = {
  environment: 'node',
  expect: { poll: { timeout: 10_000 } },
  testTimeout: 120_000,
  hookTimeout: 120_000,
  fileParallelism: false,
} as const;

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**'],
          environment: 'happy-dom',
          setupFiles: ['tests/setup.ts'],
          // A plain `vitest run` runs the projects one after another: unit tests, Chromium, Firefox.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          ...inABrowser,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          // The Firefox build in Firefox ESR (npm run test:e2e:firefox builds it first).
          name: 'e2e-firefox',
          include: ['tests/e2e/**/*.firefox.ts'],
          ...inABrowser,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
