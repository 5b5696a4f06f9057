import { fileURLToPath } from 'node:url';
import { startDemo } from './startDemo.js';

// `pnpm start`: the emulator, the BFF and the demo page on 127.0.0.1; Ctrl-C stops all of them.
const root = fileURLToPath(new URL('..', import.meta.url));
const demo = await startDemo({
  dataDir: `${root}.data`,
  staticDir: `${root}dist`,
  port: Number(process.env.DEMO_PORT ?? 5180),
  emulatorPort: Number(process.env.EMULATOR_PORT ?? 4010),
});
console.log(`
  Mandarin Kit demo      ${demo.url}
  Emulator (sandbox)     ${demo.emulatorUrl}   hosted payment page and admin API under /__emulator

  Everything runs offline on 127.0.0.1 with sandbox credentials. Press Ctrl-C to stop.
`);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the demo…');
    demo.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
