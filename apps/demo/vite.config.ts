import { defaultClientConditions, defineConfig } from 'vite';

// The demo builds the kit from its sources (the `@mandarin-kit/source` export condition), so a fresh clone
// needs no package build before `pnpm start`. JSX goes through esbuild's automatic runtime.
export default defineConfig({
  resolve: { conditions: ['@mandarin-kit/source', ...defaultClientConditions] },
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // A source map hands anyone the demo's whole source; built only when asked (MK_DEMO_SOURCEMAP=true).
    sourcemap: /^(true|1)$/.test(process.env.MK_DEMO_SOURCEMAP ?? ''),
    assetsInlineLimit: 0,
    rollupOptions: {
      // Dependencies' "use client" directives and comment placement are irrelevant to a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'INVALID_ANNOTATION') return;
        if (warning.code === 'SOURCEMAP_ERROR') return;
        warn(warning);
      },
    },
  },
  server: { host: '127.0.0.1', proxy: { '/api': 'http://127.0.0.1:5180', '/demo': 'http://127.0.0.1:5180' } },
});
