import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { workspaceAlias } from '../../../../vitest.shared.js';

/** Builds storyPage.html (every story on one page) into a fresh temporary folder and returns the folder. */
export async function buildStoryPage(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'mk-story-page-'));
  // Vitest runs with NODE_ENV=test, which would make the React plugin emit development JSX against the
  // production React this build bundles; the build is a production one whoever calls it.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildPage(outDir);
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

function buildPage(outDir: string) {
  return build({
    configFile: false,
    root: fileURLToPath(new URL('.', import.meta.url)),
    base: './',
    logLevel: 'error',
    plugins: [react()],
    resolve: { alias: workspaceAlias },
    mode: 'production',
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      reportCompressedSize: false,
      rollupOptions: { input: fileURLToPath(new URL('./storyPage.html', import.meta.url)) },
    },
  });
}
