import { defineProject } from 'vitest/config';
import { workspaceAlias } from '../../vitest.shared';

export default defineProject({
  resolve: { alias: workspaceAlias },
  test: { name: 'bff', include: ['src/**/*.test.ts'], passWithNoTests: true },
});
