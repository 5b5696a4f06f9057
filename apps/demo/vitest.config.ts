import { defineProject } from 'vitest/config';
import { workspaceAlias } from '../../vitest.shared';

export default defineProject({
  resolve: { alias: workspaceAlias },
  test: {
    name: 'demo',
    include: ['e2e/**/*.test.ts', 'server/**/*.test.ts'],
    globalSetup: ['e2e/buildOnce.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // One browser at a time: two cores, and each flow starts its own emulator and BFF.
    fileParallelism: false,
  },
});
