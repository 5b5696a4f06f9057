#!/usr/bin/env node
// `pnpm start`: the demo marketplace (emulator + BFF + demo app on 127.0.0.1).
// The demo lands with apps/demo; until then say so plainly instead of pretending to start something.
import { existsSync } from 'node:fs';

const demo = new URL('../apps/demo/scripts/start.mjs', import.meta.url);
if (!existsSync(demo)) {
  console.error('The demo marketplace is not built yet (apps/demo lands with its own issue).');
  console.error('Meanwhile: `pnpm test` runs every test, `pnpm build` builds the publishable packages.');
  process.exit(1);
}
await import(demo.href);
