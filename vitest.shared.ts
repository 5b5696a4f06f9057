import { fileURLToPath } from 'node:url';

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

/** Workspace packages resolve to their sources in tests, so no build is needed before `pnpm test`. */
export const workspaceAlias = [
  { find: /^@mandarin-kit\/core$/, replacement: pkg('core') },
  { find: /^@mandarin-kit\/bff$/, replacement: pkg('bff') },
  { find: /^@mandarin-kit\/ui$/, replacement: pkg('ui') },
  { find: /^@mandarin-kit\/emulator$/, replacement: pkg('emulator') },
];
