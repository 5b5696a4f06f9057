// Bench helper process: the emulator on a free loopback port; prints its URL on stdout.
import { createEmulator } from '@mandarin-kit/emulator';

const running = await createEmulator({ timeScale: 0.001 }).start();
console.log(JSON.stringify({ url: running.url }));
process.on('SIGTERM', () => running.close().then(() => process.exit(0)));
