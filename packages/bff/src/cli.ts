#!/usr/bin/env node
import { readBffEnv } from './config/env.js';
import { startBff } from './startBff.js';

// `mandarin-kit-bff`: configuration from environment variables, validated before anything starts.
let env: ReturnType<typeof readBffEnv>;
try {
  env = readBffEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
let running: Awaited<ReturnType<typeof startBff>>;
try {
  running = await startBff(env);
} catch (error) {
  // A store that can't be opened or options createBff refuses: the message says which, without a stack.
  console.error((error as Error).message);
  process.exit(1);
}
console.log(`mandarin-kit-bff listening on ${running.url}`);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
