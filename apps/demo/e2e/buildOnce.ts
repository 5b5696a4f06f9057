import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const app = fileURLToPath(new URL('..', import.meta.url));

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

/** The end-to-end tests drive the production build; build it when the page or the kit changed. */
export default async function setup(): Promise<void> {
  const built = join(app, 'dist', 'index.html');
  const sources = Math.max(newest(join(app, 'src')), newest(join(app, '..', '..', 'packages', 'ui', 'src')));
  const maps = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((entry) =>
      entry.isDirectory() ? maps(join(dir, entry.name)) : entry.name.endsWith('.map'),
    );
  // A build with source maps (from before they became opt-in) is redone: the bundle test checks none ships.
  if (existsSync(built) && statSync(built).mtimeMs >= sources && !maps(join(app, 'dist'))) return;
  await build({ root: app, logLevel: 'warn', configFile: join(app, 'vite.config.ts') });
}
