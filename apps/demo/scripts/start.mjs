// Builds the demo page when its sources are newer than the build, then runs the demo server from sources.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = fileURLToPath(new URL('..', import.meta.url));
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
const built = join(app, 'dist', 'index.html');
const sources = Math.max(newest(join(app, 'src')), newest(join(app, '..', '..', 'packages', 'ui', 'src')));
// A build from before source maps became opt-in (or one made with them) is redone unless they are asked for.
const hasMaps = (dir) =>
  existsSync(dir) &&
  readdirSync(dir, { withFileTypes: true }).some((e) =>
    e.isDirectory() ? hasMaps(join(dir, e.name)) : e.name.endsWith('.map'),
  );
const mapsWanted = /^(true|1)$/.test(process.env.MK_DEMO_SOURCEMAP ?? '');
if (!existsSync(built) || statSync(built).mtimeMs < sources || hasMaps(join(app, 'dist')) !== mapsWanted) {
  console.log('Building the demo page…');
  const build = spawnSync(
    process.execPath,
    [join(app, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: app,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(
  process.execPath,
  ['--conditions=@mandarin-kit/source', '--import', 'tsx', join(app, 'server', 'cli.ts')],
  {
    cwd: app,
    stdio: 'inherit',
  },
);
// Ctrl-C reaches the child through the terminal's process group; forward other signals ourselves.
process.on('SIGTERM', () => server.kill('SIGTERM'));
process.on('SIGINT', () => {});
server.on('exit', (code) => process.exit(code ?? 0));
